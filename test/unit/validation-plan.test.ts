/**
 * generator/model/validation-plan.ts: what the runtime's validators read from contract.gen.ts, worked
 * out from the author's document (issue 13 item 1). Table-driven over small specs; the last cases
 * render contract.gen.ts for hostile parameter names and defaults and check they stay string data.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/operations.js';
import { buildServiceContract } from '../../generator/emit/error-contract.js';
import { buildErrorRecipes } from '../../generator/model/recipe/responses.js';
import { contractView } from '../../generator/emit/contract-view.js';
import { render } from '../../generator/emit/templates.js';
import { scanMarkers } from '../hostile/scan.js';

type Obj = Record<string, any>;
const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };

function planOf(doc: Obj, name: string) {
  const { model } = buildModel({ openapi: '3.0.3', info: { title: 't', version: '1' }, ...doc });
  const op = model.operations.find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name}`);
  return op.validation;
}

describe('parameter plans', () => {
  const doc = {
    paths: {
      '/things/{id}': {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'trace', in: 'header', schema: { type: 'string' } },
        ],
        get: {
          operationId: 'getThing',
          parameters: [
            { name: 'trace', in: 'header', schema: { type: 'boolean' } },
            { $ref: '#/components/parameters/Tags' },
            {
              name: 'filter',
              in: 'query',
              style: 'deepObject',
              schema: { type: 'object', properties: { a: { type: 'string', default: 'x' } } },
            },
            {
              name: 'point',
              in: 'query',
              schema: { type: 'object', properties: { x: { type: 'number' }, ys: { type: 'array', items: { type: 'number' } } } },
            },
            { name: 'json', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
            { name: 'ids', in: 'query', explode: false, schema: { type: 'array', items: { type: ['integer', 'null'] } } },
            { name: 'session', in: 'cookie', allowEmptyValue: true, schema: { type: 'string' } },
            { name: 'ignored', in: 'body', schema: { type: 'string' } },
          ],
          responses: ok,
        },
      },
    },
    components: {
      parameters: {
        Tags: {
          name: 'tags',
          in: 'query',
          style: 'pipeDelimited',
          allowReserved: true,
          schema: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  };
  const plan = planOf(doc, 'getThing');
  const byName = Object.fromEntries(plan.parameters.map((p) => [p.name, p]));

  it.each([
    [
      "operation parameters first, then the path item's it does not redeclare",
      plan.parameters.map((p) => p.name),
      ['trace', 'tags', 'filter', 'point', 'json', 'ids', 'session', 'id'],
    ],
    [
      "a redeclared header is the operation's (lower-cased name, its own schema)",
      byName.trace,
      {
        name: 'trace',
        field: 'headers',
        schemaPointer: '#/paths/~1things~1{id}/get/parameters/0/schema',
        style: 'simple',
        explode: false,
        type: 'boolean',
      },
    ],
    [
      "a $ref'd parameter points into components, keeps its style and flags",
      byName.tags,
      {
        name: 'tags',
        field: 'query',
        schemaPointer: '#/components/parameters/Tags/schema',
        style: 'pipeDelimited',
        explode: false,
        allowReserved: true,
        type: 'array',
      },
    ],
    ["deepObject: the properties' defaults", byName.filter.deepObjectDefault, { a: 'x' }],
    [
      'form + explode object: its properties and which are arrays',
      [byName.point.objectLike, byName.point.explodeProperties, byName.point.explodeArrays],
      [true, ['x', 'ys'], ['ys']],
    ],
    [
      'JSON content: parsed as JSON, schema under content',
      [byName.json.jsonContent, byName.json.schemaPointer],
      [true, '#/paths/~1things~1{id}/get/parameters/4/schema'.replace('/schema', '/content/application~1json/schema')],
    ],
    ['path parameters: simple, required', [byName.id.field, byName.id.style, byName.id.required], ['params', 'simple', true]],
    [
      'cookie: form, explode, allowEmptyValue',
      [byName.session.field, byName.session.style, byName.session.explode, byName.session.allowEmptyValue],
      ['cookies', 'form', true, true],
    ],
  ])('%s', (_name, got, want) => {
    expect(got).toEqual(want);
  });

  it('numbers are planned for parameters and array items (3.1 type arrays too), never for JSON content', () => {
    expect(plan.numeric).toEqual([
      { field: 'query', name: 'ids', kind: 'integer', array: true },
      { field: 'params', name: 'id', kind: 'integer', array: false },
    ]);
  });
});

describe('body and response plans', () => {
  const doc = {
    paths: {
      '/upload': {
        post: {
          operationId: 'upload',
          requestBody: { $ref: '#/components/requestBodies/Upload' },
          responses: {
            '201': { $ref: '#/components/responses/Created' },
            '4xx': { description: 'bad', content: { 'text/plain': { schema: { type: 'string' } } } },
            'x-extra': {},
          },
        },
      },
    },
    components: {
      requestBodies: {
        Upload: {
          required: true,
          content: {
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  n: { $ref: '#/components/schemas/N' },
                  flags: { type: 'array', items: { type: 'boolean' } },
                  on: { type: 'boolean' },
                  ns: { type: 'array', items: { $ref: '#/components/schemas/N' } },
                },
              },
            },
            'application/json': { schema: { $ref: '#/components/schemas/N' } },
          },
        },
      },
      responses: {
        Created: {
          description: 'made',
          content: { 'application/json': { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } },
        },
      },
      schemas: { N: { type: 'integer' } },
    },
  };
  const plan = planOf(doc, 'upload');

  it('media types in document order at the resolved request body; binary is presence only; form fields typed', () => {
    expect(plan.body).toEqual({
      required: true,
      media: [
        {
          type: 'application/octet-stream',
          schemaPointer: '#/components/requestBodies/Upload/content/application~1octet-stream/schema',
          binary: true,
        },
        {
          type: 'multipart/form-data',
          schemaPointer: '#/components/requestBodies/Upload/content/multipart~1form-data/schema',
          form: {
            numeric: [
              { field: 'body', name: 'n', kind: 'integer', array: false },
              { field: 'body', name: 'ns', kind: 'integer', array: true },
            ],
            booleans: ['on'],
            arrays: ['flags', 'ns'],
          },
        },
        { type: 'application/json', schemaPointer: '#/components/requestBodies/Upload/content/application~1json/schema' },
      ],
    });
  });

  it('responses keep their documented keys, point at the resolved response, and list only JSON schemas', () => {
    expect(plan.responses).toEqual([
      {
        status: '201',
        hasContent: true,
        json: [{ type: 'application/json', schemaPointer: '#/components/responses/Created/content/application~1json/schema' }],
      },
      { status: '4xx', hasContent: true, json: [] },
    ]);
  });
});

describe('credentials in the query', () => {
  it('apiKey-in-query names of every alternative are known query parameters; an explicitly public operation has none', () => {
    const doc = {
      security: [{ key: [] }],
      paths: { '/a': { get: { operationId: 'a', responses: ok }, post: { operationId: 'b', security: [], responses: ok } } },
      components: {
        securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'api_key' }, other: { type: 'apiKey', in: 'header', name: 'X-Key' } },
      },
    };
    expect(planOf(doc, 'a').credentialQueryNames).toEqual(['api_key']);
    expect(planOf(doc, 'b').credentialQueryNames).toBeUndefined();
  });
});

describe('hostile names in contract.gen.ts stay data', () => {
  const MARK = /~[Pp][Ww][Nn]_\d~/g; // the header name arrives lower-cased
  const nasty = (n: number) => `'"\`\${x}*/</script>\u2028\\~PWN_${n}~`;
  const doc: Obj = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/h': {
        get: {
          operationId: 'hostile',
          parameters: [
            { name: nasty(1), in: 'query', schema: { type: 'string' } },
            { name: nasty(2), in: 'header', schema: { type: 'string' } },
            {
              name: 'deep',
              in: 'query',
              style: 'deepObject',
              schema: { type: 'object', properties: { [nasty(3)]: { type: 'string', default: nasty(4) } } },
            },
            {
              name: 'obj',
              in: 'query',
              schema: { type: 'object', properties: { [nasty(5)]: { type: 'array', items: { type: 'string' } } } },
            },
          ],
          responses: { '200': { description: 'ok', content: { [`application/${'x'}+json`]: { schema: { type: 'object' } } } } },
        },
      },
    },
  };

  it('every spec string in the plans is inside a string literal, and reads back unchanged', () => {
    const { model } = buildModel(doc);
    const contract = buildServiceContract(model, buildErrorRecipes(doc, model.operations));
    const text = render('contract.gen.ts.hbs', { title: 't', ...contractView(contract) });
    const scan = scanMarkers(text, MARK);
    expect(scan.violations).toEqual([]);
    // 1, 2 (lower-cased header), 3 and 4 (deepObject default), 5 twice (explode properties and arrays)
    expect(scan.safe.map((m) => m.toUpperCase()).sort()).toEqual(['~PWN_1~', '~PWN_2~', '~PWN_3~', '~PWN_4~', '~PWN_5~', '~PWN_5~']);
    const plans = model.operations[0].validation.parameters;
    expect(plans.map((p) => p.name)).toEqual([nasty(1), nasty(2).toLowerCase(), 'deep', 'obj']);
    expect(plans[2].deepObjectDefault).toEqual({ [nasty(3)]: nasty(4) });
  });
});

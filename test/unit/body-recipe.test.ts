/**
 * buildBodyRecipe over real error schemas from ../shared/corpus (read in place, never copied) and
 * hand-written ones. Every successful recipe is rendered for several problems and each body is
 * checked with ajv against the schema itself, so a recipe that drifts from its schema fails here.
 */
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBodyRecipe } from '../../generator/model/body-recipe.js';
import { renderBody } from '../../templates/runtime/render-body.js';
import type { Problem } from '../../templates/runtime/problem.js';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Doc = Record<string, unknown>;

const issue = (location: 'body' | 'query', path: (string | number)[], message: string, code: string) => ({
  location,
  path,
  pointer: path.map((p) => `/${p}`).join(''),
  message,
  code,
});
const PROBLEMS: Record<string, Problem> = {
  badRequest: {
    status: 400,
    title: 'Bad Request',
    detail: 'The request is invalid.',
    code: 'VALIDATION_FAILED',
    issues: [
      issue('body', ['email'], 'is required', 'REQUIRED'),
      issue('query', ['limit'], 'must be >= 1', 'MINIMUM'),
      issue('body', ['items', 0, 'name'], 'must be string', 'TYPE'),
    ],
  },
  notFound: {
    status: 404,
    title: 'Not Found',
    detail: 'No user 42.',
    code: 'NOT_FOUND',
    instance: '/users/42',
    path: '/users/42',
    requestId: 'req-1',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    detail: 'The email is taken.',
    code: 'CONFLICT',
    type: 'https://example.com/problems/conflict',
    requestId: '5f0c6b8e-2a4b-4c1d-9e3f-0a1b2c3d4e5f',
  },
  internal: { status: 500, title: 'Internal Server Error', detail: 'An unexpected error occurred.', code: 'INTERNAL_ERROR' },
  unavailable: { status: 503, title: 'Service Unavailable', detail: '', code: 'SERIALIZATION_FAILURE' },
  hostile: {
    status: 422,
    title: 'Unprocessable '.repeat(40),
    detail: 'd\u{1F600}'.repeat(3000),
    code: 'X',
    type: 'not a uri',
    instance: 'has space',
    requestId: 'not-a-uuid',
    issues: [issue('body', [], 'm'.repeat(5000), 'TYPE')],
  },
};

/** OpenAPI 3.0 -> JSON Schema for ajv: nullable becomes a null type, boolean exclusive bounds become numbers. */
function from30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(from30);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, from30(v)]));
  for (const [ex, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (out[ex] === true) {
      out[ex] = out[bound];
      delete out[bound];
    } else if (out[ex] === false) delete out[ex];
  }
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type !== 'string') return { anyOf: [out, { type: 'null' }] };
  out.type = [out.type, 'null'];
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  return out;
}

/** A validator for the schema at `pointer`, with the whole document loaded so `$ref`s resolve. */
function bodyValidator(doc: Doc, pointer: string) {
  const is31 = String(doc.openapi ?? '').startsWith('3.1');
  const ajv = is31 ? new Ajv2020.default({ strict: false, allErrors: true }) : new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv as never);
  ajv.addSchema((is31 ? doc : from30(doc)) as object, 'doc.json');
  const fragment = pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((t) => '/' + encodeURIComponent(t))
    .join('');
  return ajv.compile({ $ref: `doc.json#${fragment}` });
}

const oas = (version: string, schemas: Record<string, unknown>): Doc => ({
  openapi: version,
  info: { title: 't', version: '1' },
  paths: {},
  components: { schemas },
});
const str = { type: 'string' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const VALIDATION_ERROR = {
  type: 'object',
  required: ['loc', 'msg', 'type'],
  properties: {
    loc: { type: 'array', items: { anyOf: [str, { type: 'integer' }] } },
    msg: str,
    type: str,
    input: {},
    ctx: { type: 'object' },
  },
};
const FAIL_DOCS = {
  pattern: oas('3.1.0', { E: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^E[0-9]{4}$' } } } }),
  badExample: oas('3.1.0', {
    E: {
      type: 'object',
      required: ['code', 'message'],
      properties: { message: str, code: { type: 'string', pattern: '^ERR-[0-9]+$', example: 'E-1' } },
    },
  }),
  closed: oas('3.0.3', {
    E: { type: 'object', additionalProperties: false, required: ['message', 'trace'], properties: { message: str } },
  }),
  notString: oas('3.1.0', {
    E: { type: 'object', required: ['message'], properties: { message: { type: 'string', not: { type: 'string' } } } },
  }),
  integer: oas('3.0.3', { E: { type: 'integer', format: 'int32' } }),
  recursive: oas('3.0.3', { E: { type: 'object', required: ['message', 'cause'], properties: { message: str, cause: ref('E') } } }),
  cycle: oas('3.0.3', { A: ref('B'), B: ref('A') }),
  overlap: oas('3.1.0', {
    E: {
      oneOf: [
        { type: 'object', properties: { message: str } },
        { type: 'object', properties: { detail: str } },
      ],
    },
  }),
};
const FAILING: [
  string,
  { given: { doc: Doc; pointer: string; contentType?: string }; want: { pointer: string; message: RegExp; fix: RegExp } },
][] = [
  [
    'required code with a pattern and no example',
    {
      given: { doc: FAIL_DOCS.pattern, pointer: '#/components/schemas/E' },
      want: { pointer: '#/components/schemas/E/properties/code', message: /pattern/, fix: /`default` or `example`/ },
    },
  ],
  [
    'required code whose example breaks its own pattern',
    {
      given: { doc: FAIL_DOCS.badExample, pointer: '#/components/schemas/E' },
      want: { pointer: '#/components/schemas/E/properties/code', message: /pattern/, fix: /`default` or `example`/ },
    },
  ],
  [
    'additionalProperties:false forbids a required name',
    {
      given: { doc: FAIL_DOCS.closed, pointer: '#/components/schemas/E' },
      want: { pointer: '#/components/schemas/E', message: /"trace" is required but additionalProperties: false/, fix: /declare "trace"/ },
    },
  ],
  [
    'required message that no string satisfies (not)',
    {
      given: { doc: FAIL_DOCS.notString, pointer: '#/components/schemas/E' },
      want: { pointer: '#/components/schemas/E/properties/message', message: /no value is known/, fix: /`default` or `example`/ },
    },
  ],
  [
    'type: integer body',
    {
      given: { doc: FAIL_DOCS.integer, pointer: '#/components/schemas/E' },
      want: { pointer: '#/components/schemas/E', message: /integer body cannot carry an error/, fix: /object schema/ },
    },
  ],
  [
    'required property that recurses',
    {
      given: { doc: FAIL_DOCS.recursive, pointer: '#/components/schemas/E' },
      want: { pointer: '#/components/schemas/E/properties/cause', message: /contains itself/, fix: /optional/ },
    },
  ],
  [
    '$ref cycle',
    {
      given: { doc: FAIL_DOCS.cycle, pointer: '#/components/schemas/A' },
      want: { pointer: '#/components/schemas/A', message: /refers to itself/, fix: /cycle/ },
    },
  ],
  [
    'oneOf whose branches overlap',
    {
      given: { doc: FAIL_DOCS.overlap, pointer: '#/components/schemas/E' },
      want: { pointer: '#/components/schemas/E', message: /only one oneOf branch/, fix: /discriminating/ },
    },
  ],
  [
    'application/xml content',
    {
      given: { doc: FAIL_DOCS.pattern, pointer: '#/components/schemas/E', contentType: 'application/xml' },
      want: { pointer: '#/components/schemas/E', message: /application\/xml/, fix: /application\/json/ },
    },
  ],
];

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const docs = new Map<string, Doc>();
function corpus(file: string): Doc {
  if (!docs.has(file)) docs.set(file, parse(fs.readFileSync(CORPUS + file, 'utf8'), { maxAliasCount: -1 }) as Doc);
  return docs.get(file)!;
}

export function at(doc: unknown, pointer: string): unknown {
  const tokens = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((t) => t !== '');
  return tokens
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc);
}

interface Case {
  doc: Doc | (() => Doc);
  pointer: string;
  contentType?: string;
  /** Partial bodies expected for the 400-with-issues and the 404 problem. */
  want400: unknown;
  want404: unknown;
}

const json = (p: string) => `${p}/content/application~1json/schema`;
const CASES: [string, Case][] = [
  [
    'GitHub basic-error',
    {
      doc: () => corpus('openapi-typescript/github-api-2022-10.yaml'),
      pointer: '#/components/schemas/basic-error',
      want400: {
        message: 'The request is invalid: body.email: is required; query.limit: must be >= 1; body.items.0.name: must be string',
        status: '400',
      },
      want404: { message: 'No user 42.', status: '404' },
    },
  ],
  [
    'GitHub validation-error',
    {
      doc: () => corpus('openapi-typescript/github-api-2022-10.yaml'),
      pointer: '#/components/schemas/validation-error',
      want400: { documentation_url: '', errors: [{ field: 'email', message: 'is required', code: 'REQUIRED' }, {}, {}] },
      want404: { message: 'No user 42.', documentation_url: '' },
    },
  ],
  [
    'GitHub validation-error-simple',
    {
      doc: () => corpus('openapi-typescript/github-api-2022-10.yaml'),
      pointer: '#/components/schemas/validation-error-simple',
      want400: { errors: ['body.email: is required', 'query.limit: must be >= 1', 'body.items.0.name: must be string'] },
      want404: { message: 'No user 42.' },
    },
  ],
  [
    'GitHub 422 oneOf [validation-error, validation-error-simple]',
    {
      doc: () => corpus('openapi-typescript/github-api-2022-10.yaml'),
      pointer: json('#/paths/~1orgs~1{org}/patch/responses/422'),
      want400: { errors: [{ field: 'email', code: 'REQUIRED' }, {}, {}] },
      want404: { message: 'No user 42.', errors: [{ message: 'No user 42.', code: 'NOT_FOUND' }] },
    },
  ],
  [
    'Spotify ErrorObject envelope',
    {
      doc: () => corpus('spotify/fixed-spotify-open-api.yml'),
      pointer: json('#/components/responses/NotFound'),
      want400: {
        error: {
          status: 400,
          message: 'The request is invalid: body.email: is required; query.limit: must be >= 1; body.items.0.name: must be string',
        },
      },
      want404: { error: { status: 404, message: 'No user 42.' } },
    },
  ],
  [
    'Xero payroll Problem',
    {
      doc: () => corpus('xero/xero-payroll-uk.yaml'),
      pointer: '#/components/schemas/Problem',
      want400: { status: '400', invalidFields: [{ name: 'email', reason: 'is required' }, {}, {}] },
      want404: { status: '404', instance: '/users/42' },
    },
  ],
  [
    'Xero projects Error',
    {
      doc: () => corpus('xero/xero-projects.yaml'),
      pointer: '#/components/schemas/Error',
      want400: { message: 'The request is invalid: body.email: is required; query.limit: must be >= 1; body.items.0.name: must be string' },
      want404: { message: 'No user 42.' },
    },
  ],
  [
    'Redocly museum problem+json',
    {
      doc: () => corpus('redocly-museum/openapi.yaml'),
      pointer: '#/components/responses/BadRequest/content/application~1problem+json/schema',
      contentType: 'application/problem+json',
      want400: { title: 'Bad Request: body.email: is required; query.limit: must be >= 1; body.items.0.name: must be string' },
      want404: { title: 'Not Found' },
    },
  ],
  [
    'dropshot Error (4XX/5XX)',
    {
      doc: () => corpus('dropshot/test_openapi.json'),
      pointer: json('#/components/responses/Error'),
      want400: { error_code: 'VALIDATION_FAILED', request_id: '' },
      want404: { error_code: 'NOT_FOUND', message: 'No user 42.', request_id: 'req-1' },
    },
  ],
  [
    'dropshot EnumError oneOf',
    {
      doc: () => corpus('dropshot/test_openapi_custom_error_types.json'),
      pointer: '#/components/schemas/EnumError',
      want400: {
        HttpError: {
          message: 'The request is invalid: body.email: is required; query.limit: must be >= 1; body.items.0.name: must be string',
        },
      },
      want404: { HttpError: { error_code: 'NOT_FOUND' } },
    },
  ],
  [
    'dropshot StructError enum kind',
    {
      doc: () => corpus('dropshot/test_openapi_custom_error_types.json'),
      pointer: '#/components/schemas/StructError',
      want400: { kind: 'CantGetYeFlask' },
      want404: { message: 'No user 42.' },
    },
  ],
  [
    'swagger-petstore ApiResponse',
    {
      doc: () => corpus('swagger-petstore/v3.0/openapi.yaml'),
      pointer: '#/components/schemas/ApiResponse',
      want400: { code: 400 },
      want404: { code: 404, message: 'No user 42.' },
    },
  ],
  [
    'OAI petstore Error',
    {
      doc: () => corpus('oai-examples/v3.0/petstore.yaml'),
      pointer: '#/components/schemas/Error',
      want400: { code: 400 },
      want404: { code: 404, message: 'No user 42.' },
    },
  ],
  [
    'RealWorld GenericErrorModel',
    {
      doc: () => corpus('realworld/openapi.yml'),
      pointer: '#/components/schemas/GenericErrorModel',
      want400: { errors: { body: ['body.email: is required', 'query.limit: must be >= 1', 'body.items.0.name: must be string'] } },
      want404: { errors: { body: ['No user 42.'] } },
    },
  ],
  [
    'express-openapi-validator ErrorObject',
    {
      doc: () => corpus('express-openapi-validator/resources/escaped.characters.in.path.yaml'),
      pointer: '#/components/schemas/ErrorObject',
      want400: { errors: [{ pointer: '/email', detail: 'is required' }, {}, {}] },
      want404: { errors: [] },
    },
  ],
  [
    'express-openapi-validator required oops',
    {
      doc: () => corpus('express-openapi-validator/resources/response.validation.yaml'),
      pointer: json('#/paths/~1error/get/responses/400'),
      want400: { oops: '' },
      want404: { oops: '' },
    },
  ],
  [
    'express-openapi-validator Error default',
    {
      doc: () => corpus('express-openapi-validator/resources/openapi.yaml'),
      pointer: '#/components/schemas/Error',
      want400: { code: 400 },
      want404: { code: 404 },
    },
  ],
  [
    'USPTO 404 plain string',
    {
      doc: () => corpus('oai-examples/v3.0/uspto.yaml'),
      pointer: json('#/paths/~1{dataset}~1{version}~1fields/get/responses/404'),
      want400:
        'Bad Request: The request is invalid.\nbody.email: is required\nquery.limit: must be >= 1\nbody.items.0.name: must be string',
      want404: 'Not Found: No user 42.',
    },
  ],
  [
    'tic-tac-toe text/html errorMessage',
    {
      doc: () => corpus('oai-examples/v3.1/tictactoe.yaml'),
      pointer: '#/components/schemas/errorMessage',
      contentType: 'text/html',
      want400: expect.stringMatching(/^Bad Request: The request is invalid\.\nbody\.email: is required/),
      want404: 'Not Found: No user 42.',
    },
  ],
  ...handWritten(),
];

describe('buildBodyRecipe: bodies that validate', () => {
  it.each(CASES)('%s', (_name, c) => {
    const doc = typeof c.doc === 'function' ? c.doc() : c.doc;
    const schema = at(doc, c.pointer);
    const contentType = c.contentType ?? 'application/json';
    const result = buildBodyRecipe(schema, contentType, { resolve: (ref) => at(doc, ref), pointer: c.pointer });
    if (!result.ok) throw new Error(`${result.pointer}: ${result.message} (fix: ${result.fix})`);
    expect(JSON.parse(JSON.stringify(result.recipe))).toEqual(result.recipe);
    expect(renderBody(result.recipe, PROBLEMS.badRequest)).toMatchObject(c.want400 as object);
    expect(renderBody(result.recipe, PROBLEMS.notFound)).toMatchObject(c.want404 as object);
    const validate = contentType.startsWith('text/') ? undefined : bodyValidator(doc, c.pointer);
    for (const [label, problem] of Object.entries(PROBLEMS) as [string, Problem][]) {
      const body = renderBody(result.recipe, problem, new Date(0));
      if (!validate) expect(typeof body, label).toBe('string');
      else expect(validate(body) ? 'valid' : { label, body, errors: validate.errors }, label).toBe('valid');
    }
  });

  it('is deterministic', () => {
    const doc = corpus('openapi-typescript/github-api-2022-10.yaml');
    const run = () =>
      buildBodyRecipe(at(doc, '#/components/schemas/validation-error'), 'application/json', { resolve: (r) => at(doc, r), pointer: 'x' });
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it('renders an RFC 9457 problem when the content has no schema', () => {
    const result = buildBodyRecipe(undefined, 'application/problem+json', { resolve: () => undefined, pointer: '#/x' });
    expect(result.ok && renderBody(result.recipe, PROBLEMS.notFound)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No user 42.',
      instance: '/users/42',
      code: 'NOT_FOUND',
      requestId: 'req-1',
    });
  });
});

describe('the ajv check itself', () => {
  const github = () => corpus('openapi-typescript/github-api-2022-10.yaml');
  const nullable = oas('3.0.3', { E: { type: 'object', properties: { message: { type: 'string', nullable: true } } } });
  it.each([
    [
      'GitHub validation-error without documentation_url',
      { given: { doc: github, pointer: '#/components/schemas/validation-error', body: { message: 'x' } } },
    ],
    [
      'GitHub basic-error with an integer status',
      { given: { doc: github, pointer: '#/components/schemas/basic-error', body: { status: 404 } } },
    ],
    [
      'Spotify status outside 400..599',
      {
        given: {
          doc: () => corpus('spotify/fixed-spotify-open-api.yml'),
          pointer: json('#/components/responses/NotFound'),
          body: { error: { status: 600, message: 'x' } },
        },
      },
    ],
    [
      'RealWorld errors.body as a string',
      {
        given: {
          doc: () => corpus('realworld/openapi.yml'),
          pointer: '#/components/schemas/GenericErrorModel',
          body: { errors: { body: 'x' } },
        },
      },
    ],
    ['3.0 nullable does not admit numbers', { given: { doc: () => nullable, pointer: '#/components/schemas/E', body: { message: 1 } } }],
  ])('rejects %s', (_name, { given }) => {
    expect(bodyValidator(given.doc(), given.pointer)(given.body)).toBe(false);
  });
});

describe('buildBodyRecipe: diagnostics', () => {
  it.each(FAILING)('%s', (_name, { given, want }) => {
    const result = buildBodyRecipe(at(given.doc, given.pointer), given.contentType ?? 'application/json', {
      resolve: (ref) => at(given.doc, ref),
      pointer: given.pointer,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.pointer).toBe(want.pointer);
    expect(result.message).toMatch(want.message);
    expect(result.fix).toMatch(want.fix);
  });
});

/** Shapes from frameworks and guides that the corpus lacks, written the way those projects write them. */
function handWritten(): [string, Case][] {
  const s = (doc: Doc, name = 'E'): Pick<Case, 'doc' | 'pointer'> => ({ doc, pointer: `#/components/schemas/${name}` });
  const fastApi = (union: 'anyOf' | 'oneOf') =>
    oas('3.1.0', {
      ValidationError: VALIDATION_ERROR,
      E: {
        type: 'object',
        required: ['detail'],
        properties: { detail: { [union]: [str, { type: 'array', items: ref('ValidationError') }] } },
      },
    });
  const fastApiItem = { loc: ['body', 'email'], msg: 'is required', type: 'REQUIRED' };
  return [
    [
      'FastAPI detail: anyOf [string, ValidationError[]]',
      {
        ...s(fastApi('anyOf')),
        want400: { detail: [fastApiItem, {}, { loc: ['body', 'items', 0, 'name'] }] },
        want404: { detail: 'No user 42.' },
      },
    ],
    [
      'FastAPI detail: oneOf [string, ValidationError[]]',
      { ...s(fastApi('oneOf')), want400: { detail: [fastApiItem, {}, {}] }, want404: { detail: 'No user 42.' } },
    ],
    [
      'FastAPI HTTPValidationError (422 only)',
      {
        ...s(
          oas('3.1.0', {
            ValidationError: VALIDATION_ERROR,
            E: { type: 'object', properties: { detail: { type: 'array', items: ref('ValidationError') } } },
          }),
        ),
        want400: { detail: [fastApiItem, {}, {}] },
        want404: { detail: [{ loc: ['request'], msg: 'No user 42.', type: 'NOT_FOUND' }] },
      },
    ],
    [
      'RFC 9457 with errors [{pointer, detail}]',
      {
        ...s(
          oas('3.1.0', {
            E: {
              type: 'object',
              required: ['type', 'title', 'status', 'detail'],
              properties: {
                type: { type: 'string', format: 'uri-reference', default: 'about:blank' },
                title: str,
                status: { type: 'integer', minimum: 100, maximum: 599 },
                detail: str,
                instance: { type: 'string', format: 'uri-reference' },
                errors: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['detail', 'pointer'],
                    properties: { detail: str, pointer: { type: 'string', format: 'json-pointer' } },
                  },
                },
              },
            },
          }),
        ),
        want400: { type: 'about:blank', status: 400, errors: [{ detail: 'is required', pointer: '/email' }, {}, {}] },
        want404: { status: 404, instance: '/users/42' },
      },
    ],
    [
      '{error: {code, message, target, details}} (Microsoft style)',
      {
        ...s(
          oas('3.0.3', {
            E: {
              type: 'object',
              required: ['error'],
              properties: {
                error: {
                  type: 'object',
                  required: ['code', 'message'],
                  properties: {
                    code: str,
                    message: str,
                    target: { type: 'string', nullable: true },
                    details: {
                      type: 'array',
                      items: { type: 'object', required: ['code', 'message'], properties: { code: str, message: str, target: str } },
                    },
                  },
                },
              },
            },
          }),
        ),
        want400: { error: { code: 'VALIDATION_FAILED', details: [{ code: 'REQUIRED', message: 'is required', target: 'email' }, {}, {}] } },
        want404: { error: { code: 'NOT_FOUND', message: 'No user 42.' } },
      },
    ],
    [
      '{message, code}',
      {
        ...s(oas('3.0.3', { E: { type: 'object', required: ['message', 'code'], properties: { message: str, code: str } } })),
        want400: {
          message: 'The request is invalid: body.email: is required; query.limit: must be >= 1; body.items.0.name: must be string',
          code: 'VALIDATION_FAILED',
        },
        want404: { code: 'NOT_FOUND' },
      },
    ],
    [
      '{errors: [string]} only',
      {
        ...s(oas('3.0.3', { E: { type: 'object', required: ['errors'], properties: { errors: { type: 'array', items: str } } } })),
        want400: { errors: ['body.email: is required', 'query.limit: must be >= 1', 'body.items.0.name: must be string'] },
        want404: { errors: ['No user 42.'] },
      },
    ],
    [
      'JSON:API errors',
      {
        ...s(
          oas('3.0.3', {
            E: {
              type: 'object',
              required: ['errors'],
              properties: {
                errors: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      status: str,
                      code: str,
                      title: str,
                      detail: str,
                      source: { type: 'object', properties: { pointer: str, parameter: str } },
                    },
                  },
                },
              },
            },
          }),
        ),
        want400: {
          errors: [
            {
              status: '400',
              code: 'REQUIRED',
              title: 'Bad Request',
              detail: 'is required',
              source: { pointer: '/email', parameter: 'email' },
            },
            {},
            {},
          ],
        },
        want404: { errors: [{ status: '404', detail: 'No user 42.' }] },
      },
    ],
    [
      'Spring Boot error',
      {
        ...s(
          oas('3.0.3', {
            E: {
              type: 'object',
              required: ['timestamp', 'status', 'error', 'path'],
              properties: {
                timestamp: { type: 'string', format: 'date-time' },
                status: { type: 'integer', format: 'int32' },
                error: str,
                message: str,
                path: str,
              },
            },
          }),
        ),
        want400: { status: 400, error: 'Bad Request', path: '' },
        want404: { status: 404, error: 'Not Found', path: '/users/42', message: 'No user 42.' },
      },
    ],
    [
      'const / enum / default / example only',
      {
        ...s(
          oas('3.1.0', {
            E: {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'status', 'reason', 'version', 'retryable', 'severity'],
              properties: {
                kind: { const: 'error' },
                status: { type: 'integer', enum: [404] },
                reason: { type: 'string', enum: ['NOT_FOUND', 'GONE'] },
                version: { type: 'string', pattern: '^v[0-9]+$', example: 'v2' },
                retryable: { type: 'boolean', default: false },
                severity: { type: 'string', minLength: 3, examples: ['high'] },
              },
            },
          }),
        ),
        want400: { kind: 'error', status: 404, reason: 'NOT_FOUND', version: 'v2', retryable: false },
        want404: { status: 404, reason: 'NOT_FOUND' },
      },
    ],
    [
      'allOf base + extension, 3.0 nullable',
      {
        ...s(
          oas('3.0.3', {
            Base: { type: 'object', required: ['message'], properties: { message: str, requestId: { type: 'string', nullable: true } } },
            E: {
              allOf: [
                ref('Base'),
                {
                  type: 'object',
                  required: ['issues'],
                  properties: {
                    issues: { type: 'array', nullable: true, items: { type: 'object', properties: { field: str, message: str } } },
                  },
                },
              ],
            },
          }),
        ),
        want400: { message: 'The request is invalid.', issues: [{ field: 'email', message: 'is required' }, {}, {}] },
        want404: { requestId: 'req-1', issues: [] },
      },
    ],
    [
      'length limits',
      {
        ...s(
          oas('3.0.3', {
            E: {
              type: 'object',
              required: ['title', 'message'],
              properties: { title: { type: 'string', minLength: 12, maxLength: 20 }, message: { type: 'string', maxLength: 40 } },
            },
          }),
        ),
        want400: { title: 'Bad Request.', message: 'The request is invalid: body.email: is …' },
        want404: { title: 'Not Found...' },
      },
    ],
    [
      'discriminated oneOf',
      {
        ...s(
          oas('3.1.0', {
            NotFound: { type: 'object', required: ['kind', 'message'], properties: { kind: { const: 'not_found' }, message: str } },
            Invalid: {
              type: 'object',
              required: ['kind', 'message', 'errors'],
              properties: { kind: { const: 'invalid' }, message: str, errors: { type: 'array', items: str } },
            },
            E: { oneOf: [ref('NotFound'), ref('Invalid')], discriminator: { propertyName: 'kind' } },
          }),
        ),
        want400: { kind: 'invalid', errors: ['body.email: is required', 'query.limit: must be >= 1', 'body.items.0.name: must be string'] },
        want404: { kind: 'invalid', message: 'No user 42.', errors: [] },
      },
    ],
    [
      'string status with a pattern, uuid request id',
      {
        ...s(
          oas('3.0.3', {
            E: {
              type: 'object',
              required: ['status', 'requestId', 'message'],
              properties: {
                status: { type: 'string', pattern: '^[45][0-9]{2}$' },
                requestId: { type: 'string', format: 'uuid' },
                message: str,
              },
            },
          }),
        ),
        want400: { status: '400', requestId: '00000000-0000-0000-0000-000000000000' },
        want404: { status: '404', requestId: '00000000-0000-0000-0000-000000000000' },
      },
    ],
    [
      'root array of issues',
      {
        ...s(
          oas('3.0.3', {
            E: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: str, message: str } } },
          }),
        ),
        want400: [{ field: 'email', message: 'is required' }, {}, {}],
        want404: [{ field: '', message: 'No user 42.' }],
      },
    ],
    [
      'issue items that say what is wrong as problem / error',
      {
        ...s(
          oas('3.0.3', {
            E: {
              type: 'object',
              required: ['message', 'errors'],
              properties: {
                message: str,
                errors: { type: 'array', items: { type: 'object', properties: { field: str, problem: str, error: str } } },
              },
            },
          }),
        ),
        want400: {
          message: 'The request is invalid.',
          errors: [{ field: 'email', problem: 'is required', error: 'is required' }, {}, {}],
        },
        want404: { message: 'No user 42.', errors: [] },
      },
    ],
    [
      'text/plain without a schema',
      {
        doc: oas('3.0.3', {}),
        pointer: '#/components/schemas/missing',
        contentType: 'text/plain',
        want400: expect.stringContaining('body.email: is required'),
        want404: 'Not Found: No user 42.',
      },
    ],
  ];
}

/** The copy of the spec handed to @hey-api/openapi-ts (generator/emit/client-spec.ts). */
import { describe, expect, it } from 'vitest';
import { clientSpec } from '../../generator/emit/client-spec.js';

type Obj = Record<string, any>;
const param = (style: string, schema: Obj, explode?: boolean) => ({
  name: 'p',
  in: 'query',
  style,
  ...(explode === undefined ? {} : { explode }),
  schema,
});
const specWith = (parameters: Obj[], schemas: Obj = {}) => ({
  openapi: '3.0.3',
  info: { title: 'T', version: '1' },
  paths: { '/a': { get: { operationId: 'a', parameters, responses: { '200': { description: 'ok' } } } } },
  components: { schemas },
});

describe('clientSpec: query styles hey-api types reject become form, same explode', () => {
  it.each([
    [
      'deepObject array, exploded (Stripe expand)',
      { given: param('deepObject', { type: 'array', items: { type: 'string' } }, true), want: { style: 'form', explode: true } },
    ],
    [
      'deepObject array, explode unset (false for non-form)',
      { given: param('deepObject', { type: 'array', items: { type: 'string' } }), want: { style: 'form', explode: false } },
    ],
    [
      'deepObject array through a $ref',
      { given: param('deepObject', { $ref: '#/components/schemas/List' }, true), want: { style: 'form', explode: true } },
    ],
    ['spaceDelimited object', { given: param('spaceDelimited', { type: 'object' }, false), want: { style: 'form', explode: false } }],
    ['deepObject object stays', { given: param('deepObject', { type: 'object' }, true), want: { style: 'deepObject', explode: true } }],
    [
      'pipeDelimited array stays',
      {
        given: param('pipeDelimited', { type: 'array', items: { type: 'string' } }, false),
        want: { style: 'pipeDelimited', explode: false },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const doc = specWith([given], { List: { type: 'array', items: { type: 'string' } } });
    const copy = clientSpec(doc) as Obj;
    expect(copy.paths['/a'].get.parameters[0]).toMatchObject(want);
    expect(doc.paths['/a'].get.parameters[0]).toEqual(given);
  });
});

describe('clientSpec: names hey-api crashes on', () => {
  it('renames unsafe component names and rewrites every $ref and discriminator mapping to them', () => {
    const schemas = JSON.parse(
      '{"__proto__": {"type": "object"}, "../../x": {"type": "object", "properties": {"a": {"type": "string"}}}, "class": {"type": ' +
        '"string"}, "Ok": {"oneOf": [{"$ref": "#/components/schemas/__proto__"}], "discriminator": {"propertyName": "k", "mapping": ' +
        '{"p": "#/components/schemas/__proto__"}}}}',
    );
    const doc = specWith(
      [{ name: 'q', in: 'query', schema: { $ref: '#/components/schemas/../../x/properties/a'.replace('../../x', '..~1..~1x') } }],
      schemas,
    );
    (doc.paths['/a'].get as Obj).operationId = 'then';
    const copy = clientSpec(doc) as Obj;
    expect(Object.keys(copy.components.schemas)).toEqual(['ProtoSchema', 'XSchema', 'ClassSchema', 'Ok']);
    expect(copy.components.schemas.Ok.oneOf[0].$ref).toBe('#/components/schemas/ProtoSchema');
    expect(copy.components.schemas.Ok.discriminator.mapping.p).toBe('#/components/schemas/ProtoSchema');
    expect(copy.paths['/a'].get.parameters[0].schema.$ref).toBe('#/components/schemas/XSchema/properties/a');
    expect(copy.paths['/a'].get.operationId).toBe('thenOperation');
    expect(Object.keys(doc.components.schemas)).toContain('../../x');
  });
});

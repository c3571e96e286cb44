/** ajv over OpenAPI 3.0 and 3.1 schemas, sampling valid values and mutating them into invalid ones. */
import { describe, expect, it } from 'vitest';
import { convert30, createSchemaValidator } from '../../generator/verify/schemas.js';
import { sampleSchema } from '../../generator/verify/sample.js';
import { bodyMutations, scalarViolations } from '../../generator/verify/mutate.js';
import { createRandom } from '../../generator/verify/prng.js';

const S = '#/components/schemas/';
const doc30 = {
  openapi: '3.0.3',
  components: {
    schemas: {
      Pet: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'age'],
        properties: {
          name: { type: 'string', minLength: 1, pattern: '^[a-z]+$' },
          age: { type: 'integer', minimum: 0, exclusiveMinimum: true },
          tag: { type: 'string', nullable: true, enum: ['a', 'b'] },
          owner: { $ref: `${S}Owner` },
          id: { type: 'integer', readOnly: true },
        },
      },
      Owner: { type: 'object', nullable: true, required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
      Ref: { allOf: [{ $ref: `${S}Owner` }], nullable: true },
    },
  },
};
const doc31 = { openapi: '3.1.0', components: { schemas: { N: { type: ['string', 'null'], format: 'uuid' }, C: { const: 3 } } } };

describe('createSchemaValidator', () => {
  const v30 = createSchemaValidator(doc30);
  const v31 = createSchemaValidator(doc31);
  it.each([
    ['3.0 nullable string with enum accepts null', v30, `${S}Pet`, { name: 'rex', age: 1, tag: null }, true],
    ['3.0 nullable enum still rejects other values', v30, `${S}Pet`, { name: 'rex', age: 1, tag: 'c' }, false],
    ['3.0 nullable object accepts null', v30, `${S}Owner`, null, true],
    ['3.0 nullable allOf accepts null', v30, `${S}Ref`, null, true],
    ['3.0 boolean exclusiveMinimum excludes the bound', v30, `${S}Pet`, { name: 'rex', age: 0 }, false],
    ['3.0 refs resolve inside the document', v30, `${S}Pet`, { name: 'rex', age: 1, owner: { email: 'x' } }, false],
    ['3.0 additionalProperties false', v30, `${S}Pet`, { name: 'rex', age: 1, more: 1 }, false],
    ['3.1 type arrays allow null', v31, `${S}N`, null, true],
    ['3.1 formats are checked', v31, `${S}N`, 'not-a-uuid', false],
    ['3.1 const', v31, `${S}C`, 4, false],
  ])('%s', (_name, validator, pointer, value, valid) => {
    expect(validator.validate(pointer as string, value).length === 0).toBe(valid);
  });

  it('coerces parameter strings like a server would', () => {
    expect(v30.validateParam(`${S}Pet/properties/age`, '5')).toEqual([]);
    expect(v30.validateParam(`${S}Pet/properties/age`, 'five')).not.toEqual([]);
    expect(v30.validateParam(`${S}Pet/properties/name`, '12345')).not.toEqual([]);
  });

  it('does not modify the document it was given', () => {
    expect((doc30.components.schemas.Owner as Record<string, unknown>).nullable).toBe(true);
  });
});

describe('convert30', () => {
  it.each([
    ['nullable type', { type: 'string', nullable: true }, { type: ['string', 'null'] }],
    ['nullable false dropped', { type: 'string', nullable: false }, { type: 'string' }],
    [
      'exclusive bounds',
      { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: false },
      { type: 'number', exclusiveMinimum: 1, maximum: 5 },
    ],
    ['nullable $ref', { $ref: '#/x', nullable: true }, { anyOf: [{ $ref: '#/x' }, { type: 'null' }] }],
  ])('%s', (_name, given, want) => {
    expect(convert30(structuredClone(given))).toEqual(want);
  });
});

describe('sampleSchema and mutations', () => {
  const validator = createSchemaValidator(doc30);
  const ctx = { document: doc30, random: createRandom(1), direction: 'request' as const };
  const pet = sampleSchema(ctx, { $ref: `${S}Pet` }) as Record<string, unknown>;

  it('generates a valid value, skipping readOnly fields in requests', () => {
    expect(validator.validate(`${S}Pet`, pet)).toEqual([]);
    expect(pet).not.toHaveProperty('id');
  });

  it('is reproducible per seed', () => {
    const again = sampleSchema({ ...ctx, random: createRandom(1) }, { $ref: `${S}Pet` });
    expect(again).toEqual(pet);
  });

  it('derives one invalid body per broken input, all rejected by the schema', () => {
    const mutations = bodyMutations(doc30, { $ref: `${S}Pet` }, pet);
    const labels = mutations.map((m) => m.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'body: an array instead of an object',
        'body.name: required field missing',
        'body.age: required field missing',
        'body: unknown field added',
        'body.name: does not match pattern ^[a-z]+$',
        'body.age: wrong type (integer expected)',
        'body.tag: not one of the enum values',
        'body.owner.email: violates format email',
        'body.owner.email: required field missing',
      ]),
    );
    for (const m of mutations)
      if (!m.label.includes('shorter than minLength')) expect(validator.validate(`${S}Pet`, m.value), m.label).not.toEqual([]);
  });

  it.each([
    [
      'integer range',
      { type: 'integer', minimum: 1, maximum: 9 },
      ['wrong type (integer expected)', 'below minimum 1', 'above maximum 9', 'not an integer'],
    ],
    [
      'string length',
      { type: 'string', minLength: 2, maxLength: 3 },
      ['wrong type (string expected)', 'shorter than minLength 2', 'longer than maxLength 3'],
    ],
    ['no type', {}, []],
  ])('scalarViolations: %s', (_name, schema, want) => {
    expect(scalarViolations(doc30, schema).map((m) => m.label)).toEqual(want);
  });
});

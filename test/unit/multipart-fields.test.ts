/** multipartFieldsOf: which top-level fields of a multipart/form-data body are files (issue 14 item 6). */
import { describe, expect, it } from 'vitest';
import { multipartFieldsOf } from '../../generator/model/multipart-fields.js';

const doc = {
  components: {
    schemas: {
      Bin: { type: 'string', format: 'binary' },
      Base: { type: 'object', properties: { name: { type: 'string' }, logo: { $ref: '#/components/schemas/Bin' } } },
      Loop: { $ref: '#/components/schemas/Loop' },
    },
  },
};
const HOSTILE = 'a"b`$' + '{x}`*/';
const fieldsOf = (schema: unknown, contentType = 'multipart/form-data') => multipartFieldsOf(doc, { [contentType]: { schema } })[0]?.fields;

describe('multipartFieldsOf', () => {
  it.each([
    [
      '3.0 format binary, typed or not',
      { properties: { a: { type: 'string', format: 'binary' }, b: { format: 'binary' }, c: { type: 'string', format: 'byte' } } },
      [
        ['a', 'file'],
        ['b', 'file'],
        ['c', 'value'],
      ],
    ],
    [
      '3.1 contentMediaType / contentEncoding without a type',
      {
        properties: {
          a: { contentMediaType: 'image/png' },
          b: { contentEncoding: 'base64' },
          c: { type: 'string', contentMediaType: 'text/plain' },
        },
      },
      [
        ['a', 'file'],
        ['b', 'file'],
        ['c', 'value'],
      ],
    ],
    ['nullable file (3.1 type list)', { properties: { a: { type: ['string', 'null'], format: 'binary' } } }, [['a', 'file']]],
    [
      'arrays of files, through $ref',
      {
        properties: { a: { type: 'array', items: { $ref: '#/components/schemas/Bin' } }, b: { type: 'array', items: { type: 'string' } } },
      },
      [
        ['a', 'files'],
        ['b', 'value'],
      ],
    ],
    [
      "allOf merges $ref'd members",
      { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { extra: { allOf: [{ $ref: '#/components/schemas/Bin' }] } } }] },
      [
        ['extra', 'file'],
        ['logo', 'file'],
        ['name', 'value'],
      ],
    ],
    // as JSON text: JSON.parse keeps `__proto__` an own key, as the spec loader does
    [
      'agreeing oneOf / anyOf branches merge',
      {
        properties: { t: { type: 'string' } },
        oneOf: [{ properties: { a: { format: 'binary' } } }, { $ref: '#/components/schemas/Base' }],
        anyOf: [{ properties: { a: { format: 'binary' } } }],
      },
      [
        ['a', 'file'],
        ['logo', 'file'],
        ['name', 'value'],
        ['t', 'value'],
      ],
    ],
    [
      'hostile names are data',
      `{"properties": {"__proto__": {"format": "binary"}, "constructor": {"format": "binary"}, ${JSON.stringify(HOSTILE)}: {"format": "binary"}}}`,
      [
        ['__proto__', 'file'],
        [HOSTILE, 'file'],
        ['constructor', 'file'],
      ],
    ],
  ])('%s', (_name, schema, want) => {
    expect(fieldsOf(typeof schema === 'string' ? JSON.parse(schema) : schema)?.map((f) => [f.name, f.kind])).toEqual(want);
  });

  it.each([
    [
      'oneOf branches disagree on a field',
      { oneOf: [{ properties: { a: { format: 'binary' } } }, { properties: { a: { type: 'string' } } }] },
    ],
    ['an allOf member with anyOf', { allOf: [{ anyOf: [{ properties: { a: { format: 'binary' } } }] }] }],
    ['no properties', { type: 'object' }],
    ['a $ref cycle', { $ref: '#/components/schemas/Loop' }],
  ])('no facts when %s', (_name, schema) => {
    expect(fieldsOf(schema)).toBeUndefined();
  });

  it('only multipart/form-data media types', () => {
    expect(fieldsOf({ properties: { a: { format: 'binary' } } }, 'application/x-www-form-urlencoded')).toBeUndefined();
    expect(fieldsOf({ properties: { a: { format: 'binary' } } }, 'multipart/form-data; charset=utf-8')).toEqual([
      { name: 'a', kind: 'file' },
    ]);
  });
});

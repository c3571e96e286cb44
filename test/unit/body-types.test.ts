/** receivedBodyType: the handler's body type per documented request media type, as the runtime's parsers deliver it. */
import { describe, expect, it } from 'vitest';
import { receivedBodyType } from '../../generator/emit/body-types.js';
import type { MultipartFields } from '../../generator/model/multipart-fields.js';

const T = 'S';
const files: MultipartFields[] = [
  {
    contentType: 'multipart/form-data',
    fields: [
      { name: 'avatar', kind: 'file' },
      { name: 'name', kind: 'value' },
      { name: 'a"b', kind: 'files' },
    ],
  },
];

describe('receivedBodyType', () => {
  it.each([
    ['application/json', T],
    ['application/json; charset=utf-8', T],
    ['application/vnd.api+json', T],
    ['application/x-www-form-urlencoded', T],
    ['application/xml', T],
    ['text/xml', T],
    ['application/atom+xml', T],
    ['text/plain', '(S extends string ? S : string)'],
    ['text/csv; charset=utf-8', '(S extends string ? S : string)'],
    ['application/octet-stream', 'Buffer'],
    ['image/png', 'Buffer'],
    ['application/pdf', 'Buffer'],
    ['application/jsonl', 'Buffer'],
    ['multipart/mixed', 'Buffer'],
    ['*/*', 'unknown'],
    ['image/*', 'unknown'],
    ['multipart/form-data', 'rt.WithUploads<S, { "avatar": "file"; "a\\"b": "files" }>'],
  ])('%s -> %s', (contentType, want) => {
    expect(receivedBodyType(contentType, T, files)).toBe(want);
  });

  it('a multipart body without file fields keeps its schema type', () => {
    expect(
      receivedBodyType('multipart/form-data', T, [{ contentType: 'multipart/form-data', fields: [{ name: 'x', kind: 'value' }] }]),
    ).toBe(T);
    expect(receivedBodyType('multipart/form-data', T, undefined)).toBe(T);
  });
});

import { describe, expect, it } from 'vitest';
import { isXmlMediaType } from '../../templates/runtime/xml-media-type.js';
import { isXmlMediaType as runtimeIsXml } from '../../templates/runtime/xml-body.js';

// The generator decides which request bodies get an XML plan (from xml-media-type.ts, which loads no
// parser); the runtime's body parser asks through xml-body.ts: one function, both must agree.
const TYPES = [
  'application/xml',
  'text/xml',
  'application/atom+xml',
  'application/soap+xml; charset=utf-8',
  'TEXT/XML',
  ' application/xml ',
  'application/xml;charset=utf-8',
  'application/xhtml+xml',
  'application/json',
  'application/problem+json',
  'application/xml-dtd',
  'image/svg+xml',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'xml',
  '',
];

describe('isXmlMediaType', () => {
  it("is the very function the runtime's XML body parser asks", () => {
    expect(runtimeIsXml).toBe(isXmlMediaType);
  });
  it('tells XML from the rest', () => {
    expect(TYPES.filter(isXmlMediaType)).toEqual([
      'application/xml',
      'text/xml',
      'application/atom+xml',
      'application/soap+xml; charset=utf-8',
      'TEXT/XML',
      ' application/xml ',
      'application/xml;charset=utf-8',
      'application/xhtml+xml',
    ]);
  });
});

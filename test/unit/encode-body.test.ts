/**
 * verify's request bodies as real clients encode them: multipart file fields are the ones the model
 * types as files (through $ref and allOf too), everything else a plain part.
 */
import { describe, expect, it } from 'vitest';
import { encodeBody, MULTIPART_BOUNDARY } from '../../generator/verify/encode-body.js';

const document = {
  components: {
    schemas: {
      Meta: { type: 'object', properties: { title: { type: 'string' } } },
      Upload: {
        allOf: [
          { $ref: '#/components/schemas/Meta' },
          {
            type: 'object',
            properties: {
              avatar: { type: 'string', format: 'binary' },
              photos: { type: 'array', items: { contentMediaType: 'image/png' } },
              note: { type: 'string', contentMediaType: 'text/plain' },
            },
          },
        ],
      },
    },
  },
};

const partsOf = (body: string) =>
  body
    .split(`--${MULTIPART_BOUNDARY}`)
    .slice(1, -1)
    .map((part) => part.split('\r\n\r\n')[0].trim());

describe('encodeBody multipart', () => {
  it('sends the model’s file fields (found through allOf) as file parts and the rest as values', () => {
    const body = encodeBody(
      document,
      '#/components/schemas/Upload',
      { title: 'me', avatar: 'AAA', photos: ['x', 'y'], note: 'hi' },
      'multipart/form-data',
      false,
    );
    expect(partsOf(body)).toEqual([
      'Content-Disposition: form-data; name="title"',
      'Content-Disposition: form-data; name="avatar"; filename="avatar.bin"\r\nContent-Type: application/octet-stream',
      'Content-Disposition: form-data; name="photos"; filename="photos.bin"\r\nContent-Type: application/octet-stream',
      'Content-Disposition: form-data; name="photos"; filename="photos.bin"\r\nContent-Type: application/octet-stream',
      // a string with a content type is text in OpenAPI 3.1 (the runtime reads it as a value too)
      'Content-Disposition: form-data; name="note"',
    ]);
  });
});

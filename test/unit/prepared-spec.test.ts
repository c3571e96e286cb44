/**
 * templates/runtime/validate/prepared-spec.ts and schema-family.ts: the validator's copy of the spec
 * holds only what compiled validators reach, prepared as before (readOnly not required in requests,
 * examples left out), and a spec whose schemas need the whole document ($id, $anchor) still validates.
 */
import { describe, expect, it } from 'vitest';
import { PreparedSpec } from '../../templates/runtime/validate/prepared-spec.js';
import { SchemaFamily } from '../../templates/runtime/validate/schema-family.js';
import { refTo } from '../../templates/runtime/validate/ajv.js';

const spec = {
  openapi: '3.0.3',
  paths: {
    '/a': {
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' }, example: { id: 1 } } } } },
    },
  },
  components: {
    schemas: {
      A: {
        type: 'object',
        required: ['id', 'b'],
        properties: { id: { type: 'integer', readOnly: true }, b: { $ref: '#/components/schemas/B' } },
        example: { $id: 'not a schema' },
      },
      B: { type: 'string', minLength: 2 },
      Unused: { type: 'object', properties: { x: { $ref: '#/components/schemas/B' } } },
    },
  },
};
const BODY = '#/paths/~1a/post/requestBody/content/application~1json/schema';

describe('PreparedSpec', () => {
  it('copies in the pointer and what it reaches through $ref, prepared, and nothing else', () => {
    const prepared = new PreparedSpec(spec, 'request', false);
    expect(prepared.ensure([BODY])).toBe(true);
    const root = prepared.root as any;
    expect(Object.keys(root.components.schemas).sort()).toEqual(['A', 'B']);
    expect(root.components.schemas.A.required).toEqual(['b']);
    expect(root.components.schemas.A.example).toBeUndefined();
    expect(root.paths['/a'].post.requestBody.content['application/json']).toEqual({ schema: { $ref: '#/components/schemas/A' } });
    expect(spec.components.schemas.A.required).toEqual(['id', 'b']);
  });

  it('answers false when a reached schema has an identifier the whole document is needed for', () => {
    const withId = structuredClone(spec) as any;
    withId.components.schemas.B = { $id: 'https://x.test/b', type: 'string' };
    expect(new PreparedSpec(withId, 'request', false).ensure([BODY])).toBe(false);
  });
});

describe('SchemaFamily', () => {
  const wrapper = (pointer: string) => ({ required: ['body'], properties: { body: refTo(pointer) } });

  it('validates against the lazily prepared copy', () => {
    const validate = new SchemaFamily(spec, 'request', false).compile('body', wrapper(BODY), [BODY]);
    expect(validate({ body: { b: 'xy' } })).toBe(true);
    expect(validate({ body: { b: 'x' } })).toBe(false);
    expect(validate({ body: { id: 1, b: 'xy' } })).toBe(false);
  });

  it('falls back to the whole document for $id-named schemas (3.1) and still resolves them', () => {
    const doc = {
      openapi: '3.1.0',
      paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { $ref: 'https://x.test/b' } } } } } } },
      components: { schemas: { B: { $id: 'https://x.test/b', type: 'string', minLength: 2 } } },
    };
    const validate = new SchemaFamily(doc, 'request', true).compile('body', wrapper(BODY), [BODY]);
    expect(validate({ body: 'xy' })).toBe(true);
    expect(validate({ body: 'x' })).toBe(false);
  });
});

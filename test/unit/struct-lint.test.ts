/**
 * lintBundled (generator/load/struct-lint.ts) skips Redocly's resolve pass and builds the `$ref` map
 * itself: it must report exactly what Redocly's lintDocument reports, problem for problem, with the same
 * locations and the same "reached through this $ref" origins.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BaseResolver, Source, createConfig, lintDocument, type NormalizedProblem } from '@redocly/openapi-core';
import { lintBundled } from '../../generator/load/struct-lint.js';
import { loadSpec } from '../../generator/load/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

async function both(parsed: object) {
  const config = await createConfig({ extends: [], rules: { struct: 'error' } }, { extends: [] });
  config.styleguide.doNotResolveExamples = true;
  const document = { source: new Source('/spec.json', '', 'application/json'), parsed };
  const brief = (ps: NormalizedProblem[]) => ps.map((p) => ({ message: p.message, location: p.location, from: p.from }));
  const redocly = brief(await lintDocument({ document, config: config.styleguide, externalRefResolver: new BaseResolver() }));
  const ours = brief(await lintBundled(document, config.styleguide, new BaseResolver()));
  return { redocly, ours };
}

// refs to refs, a ref through a ref in the middle of a pointer, a discriminator mapping, and structural
// problems that are only reached through a $ref (their report names the ref)
const TRICKY = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/a': {
      get: {
        parameters: [{ $ref: '#/components/parameters/Alias' }, { $ref: '#/components/parameters/Bad' }],
        responses: {
          '200': { $ref: '#/components/responses/Ok' },
          '404': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Via/properties/inner' } } } },
        },
      },
    },
  },
  components: {
    parameters: {
      Alias: { $ref: '#/components/parameters/Real' },
      Real: { name: 'q', in: 'query', schema: { type: 'string' } },
      Bad: { name: 'b', in: 'nowhere', required: 'yes' },
    },
    responses: { Ok: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
    schemas: {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } },
      },
      Cat: { type: 'object', properties: { kind: { type: 'string' } }, requird: ['kind'] },
      Dog: { type: 'object', properties: { kind: { type: 'string', minLength: 'one' } } },
      Via: { $ref: '#/components/schemas/Holder' },
      Holder: { type: 'object', properties: { inner: { type: 'integer', maximum: 'big' } } },
    },
  },
};

describe('lintBundled', () => {
  it('reports what lintDocument reports on refs to refs, refs through refs and discriminator mappings', async () => {
    const { redocly, ours } = await both(TRICKY);
    expect(redocly.length).toBeGreaterThan(3);
    expect(ours).toEqual(redocly);
  });

  it.each([
    'specs/users.yaml',
    '../shared/corpus/redocly-museum/openapi.yaml',
    '../shared/corpus/openapi-typescript/github-api-2022-10.yaml',
  ])('reports what lintDocument reports on %s', async (file) => {
    const loaded = loadSpec(join(REPO, file));
    const { redocly, ours } = await both(loaded.document as object);
    expect(ours).toEqual(redocly);
  });
});

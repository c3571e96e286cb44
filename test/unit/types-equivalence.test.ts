/**
 * emitTypes calls openapi-typescript's transform directly, skipping its second validate-and-bundle
 * pass; the output must stay byte-identical to what openapiTS() itself produces on the same spec.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadSpec } from '../../generator/load/index.js';
import { normalizeForTools } from '../../generator/load/normalize.js';
import { emitTypes } from '../../generator/emit/types.js';
import { REPO } from '../support/tmp.js';

describe('emitTypes', () => {
  it.each([
    'specs/users.yaml',
    'specs/things.yaml',
    '../shared/corpus/express-openapi-validator/resources/servers.1.yaml',
    '../shared/corpus/redocly-museum/openapi.yaml',
    '../shared/corpus/dropshot/test_openapi.json',
    '../shared/corpus/xero/xero-webhooks.yaml',
  ])('matches openapiTS() on %s', async (spec) => {
    const loaded = loadSpec(join(REPO, spec));
    const doc = normalizeForTools(loaded.document!, loaded.version!).document;
    const reference = astToString(await openapiTS(structuredClone(doc) as never, { silent: true }));
    expect(emitTypes(doc)).toBe(reference);
  });
});

/**
 * Every spec of the public corpus (../shared/corpus/MANIFEST.tsv) either generates a service (typed
 * client included) that compiles under `tsc --strict`, or is rejected for a real defect that the
 * diagnostic names. The expected outcome of each spec is the table below; a spec not in the table
 * fails the test, so a new corpus entry gets a decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/generate.js';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';
import { optionsOf, shareIdenticalFolders, STRICT_NODENEXT } from '../support/shared-declarations.js';

const CORPUS = join(REPO, '../shared/corpus');

type Outcome = 'compiles' | 'missing' | { rejected: string; because: RegExp };
const duplicateIds: Outcome = { rejected: 'DUPLICATE_OPERATION_ID', because: /operationId "addPet" is also used by/ };

/**
 * Specs not listed here are expected to compile. Every rejection is a real defect of the spec; issue 16
 * (OpenAPI 3.2, `$id` refs, extension refs, the client copy) changed none of them.
 */
const EXCEPTIONS: Record<string, Outcome> = {
  // two operations share operationId "addPet": OpenAPI requires it to be unique (handler and client names would collide)
  'express-openapi-validator/resources/additional.properties.yaml': duplicateIds,
  'express-openapi-validator/resources/coercion.yaml': duplicateIds,
  'express-openapi-validator/resources/openapi.yaml': duplicateIds,
  // `$ref: '#components/...'` has no slash after the hash: not a JSON pointer into the document
  'express-openapi-validator/resources/path.level.parameters.yaml': {
    rejected: 'REF_DANGLING',
    because: /"#components\/parameters\/pathLevelParameter" points at nothing/,
  },
  // a response schema `$ref`s a Parameter object (#/components/parameters/MeetingId): checked as a schema,
  // its `required: true` is not the array a schema needs (Redocly's struct rule; located, with the $ref's place)
  'express-openapi-validator/resources/component.params.yaml': {
    rejected: 'INVALID_STRUCTURE',
    because:
      /:45 #\/components\/parameters\/MeetingId\/required: .*Expected type `array` but got `boolean` \(as used by the \$ref at #\/paths\/.*schema, .*component\.params\.yaml:33\)/,
  },
  // listed in MANIFEST.tsv but not shipped in the corpus folder
  'xero/xero_accounting.yaml': 'missing',
};

const REF_ROOTS: Record<string, string> = { 'spacetraders/reference/SpaceTraders.json': 'spacetraders' };

const manifest = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]);

describe('the public corpus', () => {
  const out = tempDir('corpus');
  const results = new Map<string, GenerateResult | 'missing'>();
  const folder = (spec: string) => join(out.path, spec.replace(/[^A-Za-z0-9]+/g, '_'));

  beforeAll(async () => {
    for (const spec of manifest) {
      const input = join(CORPUS, spec);
      if (!existsSync(input)) {
        results.set(spec, 'missing');
        continue;
      }
      const refRoot = REF_ROOTS[spec] && join(CORPUS, REF_ROOTS[spec]);
      results.set(spec, await generate({ input, output: folder(spec), cwd: REPO, refRoot }));
    }
    // one strict program over every generated service: much faster than one tsc per spec; the runtime
    // and client core every service has alike are checked once (see shared-declarations.ts)
    writeFileSync(join(out.path, 'tsconfig.json'), JSON.stringify({ compilerOptions: STRICT_NODENEXT, include: ['**/*.ts'] }));
    shareIdenticalFolders(manifest.filter((spec) => existsSync(folder(spec))).map(folder), optionsOf(join(out.path, 'tsconfig.json')));
  }, 1_800_000); // 88 specs with clients: far above 10 minutes when other jobs share the two cores
  afterAll(() => out.remove());

  it('has 88 specs in the manifest, each with an outcome', () => {
    expect(manifest.length).toBe(88);
    for (const spec of Object.keys(EXCEPTIONS)) expect(manifest).toContain(spec);
  });

  it.each(manifest)('%s', (spec) => {
    const expected = EXCEPTIONS[spec] ?? 'compiles';
    const result = results.get(spec)!;
    if (expected === 'missing') return expect(result).toBe('missing');
    expect(result).not.toBe('missing');
    const r = result as GenerateResult;
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (expected === 'compiles') {
      expect(errors.map(formatDiagnostic)).toEqual([]);
      expect(r.files.has('generated/client/sdk.gen.ts')).toBe(true);
      return;
    }
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].code).toBe(expected.rejected);
    expect(formatDiagnostic(errors[0])).toMatch(expected.because);
    expect(errors[0].line).toBeGreaterThan(0);
    expect(existsSync(folder(spec)), 'nothing written for a rejected spec').toBe(false);
  });

  it('every generated service compiles under tsc --strict (one program)', () => {
    const ran = tsc(out.path);
    expect(ran.stdout.split('\n').slice(0, 30).join('\n')).toBe('');
    expect(ran.code).toBe(0);
  }, 600_000);
});

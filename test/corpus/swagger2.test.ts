/**
 * The public Swagger 2.0 specs (../shared/corpus-swagger2/MANIFEST.tsv), kept apart from the OpenAPI 3
 * corpus table: each is converted to OpenAPI 3 (a SWAGGER_2_CONVERTED warning says what changed) and
 * then either generates a service and client that compile under `tsc --strict`, or is rejected for a
 * real defect that the diagnostic names. A spec not in the table is expected to compile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/generate.js';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';

const CORPUS = join(REPO, '../shared/corpus-swagger2');

type Outcome = 'compiles' | { rejected: string; because: RegExp };

const EXCEPTIONS: Record<string, Outcome> = {
  // two templated paths that only differ in parameter names: no router can tell them apart
  'trello.yaml': {
    rejected: 'DUPLICATE_PATH',
    because: /"\/boards\/\{idBoard\}\/cards\/\{idCard\}" is identical to "\/boards\/\{idBoard\}\/cards\/\{filter\}"/,
  },
  'healthcare.yaml': {
    rejected: 'DUPLICATE_PATH',
    because: /"\/es\/\{stateName\}\{mediaTypeExtension\}" is identical to "\/es\/\{pageName\}\{mediaTypeExtension\}"/,
  },
};

const manifest = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]);

describe('the public Swagger 2.0 corpus', () => {
  const out = tempDir('corpus-swagger2');
  const results = new Map<string, GenerateResult>();
  const folder = (spec: string) => join(out.path, spec.replace(/[^A-Za-z0-9]+/g, '_'));

  beforeAll(async () => {
    for (const spec of manifest) results.set(spec, await generate({ input: join(CORPUS, spec), output: folder(spec), cwd: REPO }));
    writeFileSync(
      join(out.path, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['**/*.ts'],
      }),
    );
  }, 600_000);
  afterAll(() => out.remove());

  it('has the five specs of the manifest, each with an outcome', () => {
    expect(manifest).toHaveLength(5);
    for (const spec of Object.keys(EXCEPTIONS)) expect(manifest).toContain(spec);
  });

  it.each(manifest)('%s', (spec) => {
    const r = results.get(spec)!;
    const converted = r.diagnostics.find((d) => d.code === 'SWAGGER_2_CONVERTED');
    expect(converted, 'the conversion is reported').toBeDefined();
    expect(converted!.message).toMatch(/converted to OpenAPI 3\.0\.\d with swagger2openapi; the service follows the converted spec: .+/);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const expected = EXCEPTIONS[spec] ?? 'compiles';
    if (expected === 'compiles') {
      expect(errors.map(formatDiagnostic)).toEqual([]);
      expect(r.stats.operations).toBeGreaterThan(0);
      expect(r.files.has('generated/client/sdk.gen.ts')).toBe(true);
      expect(JSON.parse(r.files.get('generated/openapi.json')!).openapi).toMatch(/^3\.0\./);
      return;
    }
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

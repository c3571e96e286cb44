/**
 * `lint` and `generate` read error bodies from one model built from the author's document, so
 * they must agree on every spec: the schemas `generate` cannot build a body for (NO_ERROR_BODY)
 * are exactly lint's error-body-unbuildable findings, and its CODE_WITHOUT_MEANING warnings are
 * exactly lint's error-code-meaning findings. Runs both over every spec of ../shared/corpus and
 * over hand-made specs where they used to disagree (an `example` on a required patterned code).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { loadSpec } from '../../generator/load/index.js';
import { lint } from '../../generator/lint/index.js';
import { REPO, tempDir } from '../support/tmp.js';

const CORPUS = join(REPO, '../shared/corpus');
const specs = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => row.split('\t')[0]!)
  .filter((spec) => existsSync(join(CORPUS, spec)));
const refRootOf = (spec: string) => (spec.startsWith('spacetraders/') ? join(CORPUS, 'spacetraders') : undefined);

async function both(input: string, refRoot?: string) {
  const loaded = loadSpec(input, { cwd: REPO, refRoot });
  const findings = lint(loaded).findings;
  const generated = await generate({ input, output: join(out.path, 'never-written'), cwd: REPO, refRoot, client: false, write: false });
  const pointers = (list: { pointer: string }[]) => [...new Set(list.map((f) => f.pointer))].sort();
  return {
    loadFailed: loaded.diagnostics.some((d) => d.severity === 'error'),
    lintUnbuildable: pointers(findings.filter((f) => f.rule === 'error-body-unbuildable')),
    generateUnbuildable: pointers(generated.diagnostics.filter((d) => d.code === 'NO_ERROR_BODY')),
    lintMeaning: pointers(findings.filter((f) => f.rule === 'error-code-meaning')),
    generateMeaning: pointers(generated.diagnostics.filter((d) => d.code === 'CODE_WITHOUT_MEANING')),
    generated,
  };
}

const out = tempDir('agree');
afterAll(() => out.remove());

describe('lint and generate agree on every corpus spec', () => {
  it('has the corpus', () => expect(specs.length).toBeGreaterThan(80));
  it.each(specs)(
    '%s',
    async (spec) => {
      const r = await both(join(CORPUS, spec), refRootOf(spec));
      if (r.loadFailed) return expect(r.generated.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      expect(r.generateUnbuildable).toEqual(r.lintUnbuildable);
      expect(r.generateMeaning).toEqual(r.lintMeaning);
    },
    120_000,
  );
});

describe('lint and generate agree on hand-made specs', () => {
  const spec = (name: string, errorSchema: unknown, responseExtra: Record<string, unknown> = {}) => {
    const path = join(out.path, `${name}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: name, version: '1' },
        paths: {
          '/things/{id}': {
            get: {
              operationId: 'getThing',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: {
                '200': { description: 'ok' },
                '404': {
                  description: 'missing',
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/E' }, ...responseExtra } },
                },
                '500': { description: 'broken', content: { 'application/json': { schema: { $ref: '#/components/schemas/E' } } } },
              },
            },
          },
        },
        components: { schemas: { E: errorSchema } },
      }),
    );
    return path;
  };

  it('an `example` satisfies a required patterned code in both (the fix hint says it does)', async () => {
    const r = await both(
      spec('example-code', {
        type: 'object',
        required: ['code', 'message'],
        properties: { message: { type: 'string' }, code: { type: 'string', pattern: '^[A-Z_]+$', example: 'UNPROCESSABLE' } },
      }),
    );
    expect(r.lintUnbuildable).toEqual([]);
    expect(r.generateUnbuildable).toEqual([]);
    expect(r.generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 120_000);

  it('a patterned code with neither default nor example fails in both, at the same pointer', async () => {
    const r = await both(
      spec('no-example', { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[A-Z_]+$' } } }),
    );
    expect(r.lintUnbuildable).toEqual(['#/components/schemas/E/properties/code']);
    expect(r.generateUnbuildable).toEqual(r.lintUnbuildable);
  }, 120_000);

  it('a code enum with no value for 404 warns in both, per response', async () => {
    const r = await both(
      spec('enum-gap', {
        type: 'object',
        required: ['code', 'message'],
        properties: { message: { type: 'string' }, code: { type: 'string', enum: ['internal_error', 'bad_request'] } },
      }),
    );
    expect(r.lintMeaning).toEqual(['#/paths/~1things~1{id}/get/responses/404']);
    expect(r.generateMeaning).toEqual(r.lintMeaning);
  }, 120_000);

  it('an example body that validates fills the gap: its code is the 404 template', async () => {
    const r = await both(
      spec(
        'enum-example',
        {
          type: 'object',
          required: ['code', 'message'],
          properties: { message: { type: 'string' }, code: { type: 'string', enum: ['internal_error', 'bad_request', 'thing_missing'] } },
        },
        { example: { code: 'thing_missing', message: 'No such thing' } },
      ),
    );
    expect(r.lintMeaning).toEqual([]);
    expect(r.generateMeaning).toEqual([]);
    expect(r.generated.files.get('generated/contract.gen.ts')).toContain('"404": "thing_missing"');
  }, 120_000);
});

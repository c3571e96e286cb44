/**
 * A project whose own tsconfig.json is strict in the popular ways (the flags of @tsconfig/strictest:
 * noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature, exactOptionalPropertyTypes...) and
 * includes the folder faultline writes into must still type-check: the runtime, the *.gen.ts files,
 * hey-api's client and the user files (app.ts, server.ts, handlers, security.ts), for both targets and
 * both module formats, and the contract test `faultline new` scaffolds (templates/scaffold/test/). Each
 * project gets both example specs on both targets, and one tsc run.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../generator/generate.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';

/** @tsconfig/strictest's flags, as a team would set them in its own project. */
const STRICTEST = {
  strict: true,
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  exactOptionalPropertyTypes: true,
  noFallthroughCasesInSwitch: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  isolatedModules: true,
  checkJs: true,
  esModuleInterop: true,
  skipLibCheck: true,
};

const FORMATS = [
  // verbatimModuleSyntax forbids `import` in CommonJS files altogether, so only the ES module project sets it
  { format: 'esm', manifest: { name: 'strict-esm', type: 'module' }, extra: { verbatimModuleSyntax: true } },
  { format: 'cjs', manifest: { name: 'strict-cjs', version: '1.0.0' }, extra: {} },
] as const;

describe.each(FORMATS)('a strictest tsconfig over the generated code ($format)', ({ format, manifest, extra }) => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    dir = tempDir(`strict-${format}`);
    writeFileSync(join(dir.path, 'package.json'), JSON.stringify(manifest));
    writeFileSync(
      join(dir.path, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          noEmit: true,
          types: ['node'],
          ...STRICTEST,
          ...extra,
        },
        include: ['src'],
      }),
    );
    for (const spec of ['users', 'things']) {
      for (const target of ['express', 'fastify'] as const) {
        const result = await generate({
          input: join(REPO, `specs/${spec}.yaml`),
          output: `src/${spec}-${target}`,
          cwd: dir.path,
          client: true,
          target,
        });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(result.moduleFormat?.format).toBe(format);
      }
      // where `faultline new` puts it: test/ beside app.ts
      cpSync(join(REPO, 'templates/scaffold/test'), join(dir.path, `src/${spec}-express/test`), { recursive: true });
    }
  }, 300_000);
  afterAll(() => dir?.remove());

  it('tsc -p finds no error in the runtime, the *.gen.ts files, the client or the user files', () => {
    const r = tsc(join(dir.path, 'tsconfig.json'));
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 300_000);
});

/**
 * generate never deletes what it did not write: it prunes only files the previous run's manifest
 * lists, keeps and names everything else in generated/, names every removed file in the summary, and
 * says which settings a kept tsconfig.json lacks (adding exactly those makes tsc pass). Runs through cli.ts
 * `main` with a recording io.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../generator/cli.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';

const SPEC = join(REPO, 'specs/things.yaml');

async function cli(args: string[], cwd: string) {
  const out = { stdout: '', stderr: '' };
  const code = await main(args, {
    cwd,
    env: {},
    isTTY: false,
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  });
  return { code, ...out };
}

describe('generate into a folder that already has files', () => {
  let dir: ReturnType<typeof tempDir>;
  const out = () => join(dir.path, 'api');
  beforeAll(() => {
    dir = tempDir('prune');
    mkdirSync(join(dir.path, 'api/generated/notes'), { recursive: true });
    writeFileSync(join(dir.path, 'api/generated/custom.ts'), 'export const mine = 1;\n');
    writeFileSync(join(dir.path, 'api/generated/notes/NOTES.md'), '# mine\n');
    writeFileSync(
      join(dir.path, 'api/tsconfig.json'),
      '{\n  // mine\n  "compilerOptions": { "module": "commonjs", "target": "es2017", "types": [] },\n}\n',
    );
  });
  afterAll(() => dir.remove());

  it('keeps files it did not write and names them; names what a kept tsconfig.json lacks', async () => {
    const r = await cli(['generate', SPEC, '--out', 'api'], dir.path);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out(), 'generated/custom.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(readFileSync(join(out(), 'generated/notes/NOTES.md'), 'utf8')).toBe('# mine\n');
    expect(r.stdout).toMatch(/0 stale removed/);
    expect(r.stdout).toMatch(/not written by faultline .*: generated\/custom\.ts, generated\/notes\/NOTES\.md/);
    expect(readFileSync(join(out(), 'tsconfig.json'), 'utf8')).toContain('// mine');
    expect(r.stdout).toMatch(/tsconfig\.json \(yours, kept\) lacks settings/);
    expect(r.stdout).toMatch(/"module": "NodeNext"/);
    expect(r.stdout).toMatch(/"esModuleInterop": true/);
    expect(r.stdout).toMatch(/"target": "ES2022"/);
    expect(r.stdout).toMatch(/"types": \["node"\]/);
  });

  it('removes only files its last run wrote, naming each; keeps an edited one', async () => {
    const clientIndex = join(out(), 'generated/client/index.ts');
    expect(existsSync(clientIndex)).toBe(true);
    writeFileSync(clientIndex, readFileSync(clientIndex, 'utf8') + '// edited\n');
    // the dry run announces exactly what the real run then does: same removals, same files kept
    const dry = await cli(['generate', SPEC, '--out', 'api', '--no-client', '--dry-run'], dir.path);
    expect(dry.code, dry.stderr).toBe(0);
    const wouldRemove = [...dry.stdout.matchAll(/^ {2}remove {2}(\S+)$/gm)].map((m) => m[1]);
    expect(dry.stdout).toMatch(/^ {2}keep {4}generated\/client\/index\.ts \(no longer generated, but edited/m);
    expect(dry.stdout).toMatch(/^ {2}keep {4}generated\/custom\.ts \(not written by faultline\)$/m);
    expect(dry.stdout).toContain(`${wouldRemove.length} to remove`);
    expect(existsSync(join(out(), 'generated/client/sdk.gen.ts'))).toBe(true);
    const r = await cli(['generate', SPEC, '--out', 'api', '--no-client'], dir.path);
    expect(r.code, r.stderr).toBe(0);
    const removed = /removed \(written by the last run, no longer generated\): (.*)/.exec(r.stdout)?.[1].split(', ') ?? [];
    expect([...removed].sort()).toEqual([...wouldRemove].sort());
    expect(removed).toContain('generated/client/sdk.gen.ts');
    expect(removed.every((f) => f.startsWith('generated/client/') && !existsSync(join(out(), f)))).toBe(true);
    expect(r.stdout).toContain(`${removed.length} stale removed`);
    expect(removed).not.toContain('generated/client/index.ts');
    expect(r.stdout).toMatch(/edited since faultline wrote them: generated\/client\/index\.ts/);
    expect(readFileSync(clientIndex, 'utf8')).toMatch(/\/\/ edited\n$/);
    expect(existsSync(join(out(), 'generated/custom.ts'))).toBe(true);
  });

  it('says nothing about a tsconfig.json that has what the code needs', async () => {
    writeFileSync(
      join(out(), 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2023', strict: true } }),
    );
    const r = await cli(['generate', SPEC, '--out', 'api', '--no-client'], dir.path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/tsconfig/);
  });
});

describe.each([
  ['an ES module project', 'module', { strict: true, module: 'commonjs', target: 'es2017', types: [] as string[] }],
  ['a CommonJS project', 'commonjs', { strict: true, module: 'nodenext', verbatimModuleSyntax: true, types: [] as string[] }],
])('a kept tsconfig.json in %s', (_name, type, mine) => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir('tsconfig-needs');
    mkdirSync(join(dir.path, 'api'), { recursive: true });
    writeFileSync(join(dir.path, 'package.json'), JSON.stringify({ name: 'mine', type }));
  });
  afterAll(() => dir.remove());

  it('type-checks once it has the settings generate names, and not before: the list is complete', async () => {
    const tsconfig = join(dir.path, 'api/tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: mine }));
    const r = await cli(['generate', SPEC, '--out', 'api', '--no-client'], dir.path);
    expect(r.code, r.stderr).toBe(0);
    // each named setting is a line `    "key": value (why)`
    const needs = [...r.stdout.matchAll(/^ {4}("[A-Za-z]+": .+?) \(/gm)].map((m) => JSON.parse(`{${m[1]}}`) as object);
    expect(needs.length).toBeGreaterThan(0);
    expect(tsc(join(dir.path, 'api')).code).not.toBe(0);
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: Object.assign({}, mine, ...needs) }));
    const fixed = tsc(join(dir.path, 'api'));
    expect(fixed.stdout, 'tsc after adding what generate named').toBe('');
    expect(fixed.code).toBe(0);
  });
});

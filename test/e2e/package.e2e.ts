/**
 * End to end, as a user meets faultline: pack the package, install the tarball into an empty project,
 * run `faultline generate` and the programmatic API there, scaffold a service from specs/things.yaml
 * with `faultline new`, `npm install` it, run its contract test, type-check and build it, start it,
 * send a valid and an invalid request, and stop it. Prints the tarball size and the timings.
 * Run with `npm run test:e2e` (needs the npm registry or a warm npm cache).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specOperations } from '../support/users-operations.js';
import { cleanEnv, freePort, run, start, stopGroup } from './support.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const THINGS = resolve(REPO, 'specs/things.yaml');
const work = mkdtempSync(join(tmpdir(), 'faultline-e2e-'));
const consumer = join(work, 'consumer');
const service = join(consumer, 'things-service');
const timings: Record<string, string> = {};
let tarball = '';
let printed = '';

const npm = (args: string[], cwd: string) => run('npm', args, cwd);
const INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

beforeAll(async () => {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work, '--loglevel=error'], REPO);
  const [info] = JSON.parse(packed.stdout) as [
    { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] },
  ];
  tarball = join(work, info.filename);
  timings.tarball =
    `${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ` + `${info.entryCount} files`;
  packedFiles = info.files.map((f) => f.path);
});

let packedFiles: string[] = [];

afterAll(() => {
  console.log(
    `\nfaultline e2e (${work}):\n${Object.entries(timings)
      .map(([k, v]) => `  ${k.padEnd(28)} ${v}`)
      .join('\n')}\n`,
  );
  if (!process.env.KEEP_E2E) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  test('holds the CLI, generator, templates, runtime and types, and none of the tests', () => {
    for (const needed of [
      'bin/faultline.js',
      'generator/cli.ts',
      'generator/index.mjs',
      'generator/config.mjs',
      'generator/commands/new.ts',
      'templates/runtime/index.ts',
      'templates/scaffold/gitignore',
      'templates/scaffold/test/contract.test.ts',
      'types/index.d.ts',
      'types/config.d.ts',
      'package.json',
      'README.md',
    ]) {
      expect(packedFiles).toContain(needed);
    }
    expect(packedFiles.filter((f) => /^(test|bench|output|specs|node_modules)\//.test(f) || f.endsWith('.log'))).toEqual([]);
  });

  test('installs into an empty project; the CLI and the API work there', async () => {
    mkdirSync(consumer, { recursive: true });
    writeJson(join(consumer, 'package.json'), { name: 'consumer', version: '1.0.0', private: true, type: 'module' });
    const installed = await npm([...INSTALL, tarball], consumer);
    timings['install faultline tarball'] = `${(installed.ms / 1000).toFixed(1)} s`;
    expect((await run('npx', ['faultline', '--version'], consumer)).stdout.trim()).toBe(readJson(join(REPO, 'package.json')).version);
    await run('npx', ['faultline', 'generate', resolve(REPO, 'specs/users.yaml'), '--out', 'users-api'], consumer);
    expect(statSync(join(consumer, 'users-api/generated/router.gen.ts')).isFile()).toBe(true);
    const script = `import * as api from 'faultline';
const r = await api.generate({ input: ${JSON.stringify(THINGS)}, output: 'unused', write: false });
console.log(JSON.stringify({ keys: Object.keys(api).sort(), files: r.files.size, ops: r.stats.operations, spec: api.loadSpec(${JSON.stringify(THINGS)}).files.length }));`;
    writeFileSync(join(consumer, 'api.mjs'), script);
    const out = JSON.parse((await run('node', ['api.mjs'], consumer)).stdout);
    expect(out).toMatchObject({ ops: specOperations(THINGS), spec: 1 });
    expect(out.files).toBeGreaterThan(10);
    expect(out.keys).toEqual([
      'ConfigError',
      'defineConfig',
      'formatDiagnostic',
      'generate',
      'hasErrors',
      'loadConfig',
      'loadSpec',
      'scaffold',
      'version',
    ]);
  });
});

describe('a service scaffolded with `faultline new`', () => {
  test('is created from specs/things.yaml, depending on the tarball faultline came from, and says so', async () => {
    // no --faultline-version: faultline finds in the consumer's lockfile that it came from the tarball
    const created = await run('npx', ['faultline', 'new', 'things-service', '--spec', THINGS], consumer);
    expect(created.stdout).toContain(`${specOperations(THINGS)} operations`);
    printed = created.stdout;
    timings['faultline new prints'] = '\n' + created.stdout.replace(/^/gm, '    ');
    const manifest = readJson(join(service, 'package.json'));
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['generate', 'start', 'dev', 'test', 'build']));
    expect(manifest.devDependencies.faultline).toBe(`file:${tarball}`);
    expect(created.stdout).toContain(
      `devDependency "faultline": "file:${tarball}": faultline was installed from the tarball ${tarball}, not from the npm registry`,
    );
    expect(readFileSync(join(service, 'spec/things.yaml'), 'utf8')).toBe(readFileSync(THINGS, 'utf8'));
    for (const file of [
      '.gitignore',
      'README.md',
      'tsconfig.json',
      'app.ts',
      'server.ts',
      'handlers/getThing.ts',
      'generated/contract.gen.ts',
      'test/contract.test.ts',
    ]) {
      expect(statSync(join(service, file)).isFile(), file).toBe(true);
    }
  });

  test('refuses to scaffold into a non-empty folder without --force, and never overwrites with it', async () => {
    await expect(run('npx', ['faultline', 'new', 'things-service', '--spec', THINGS], consumer)).rejects.toThrow(/not empty/);
    writeFileSync(join(service, 'handlers/getThing.ts'), '// mine\n');
    const forced = await run('npx', ['faultline', 'new', 'things-service', '--spec', THINGS, '--force'], consumer);
    expect(forced.stdout).toContain('0 files created');
    expect(readFileSync(join(service, 'handlers/getThing.ts'), 'utf8')).toBe('// mine\n');
    rmSync(join(service, 'handlers/getThing.ts'));
    await run('npx', ['faultline', 'new', 'things-service', '--spec', THINGS, '--force'], consumer); // puts the stub back
  });

  test(
    'installs, passes its contract test, type-checks, builds and is up to date with its spec, following the printed commands ' +
      'literally',
    async () => {
      const steps = nextSteps(printed);
      expect(steps.map((s) => s.join(' '))).toEqual(['cd things-service', 'npm install', 'npm test', 'npm run build', 'npm start']);
      expect(join(consumer, steps[0][1])).toBe(service);
      const installed = await run(steps[1][0], steps[1].slice(1), service);
      timings['install scaffolded service'] = `${(installed.ms / 1000).toFixed(1)} s`;
      const tested = await run(steps[2][0], steps[2].slice(1), service);
      timings['its contract test (npm test)'] = `${(tested.ms / 1000).toFixed(1)} s`;
      const summary = tested.stdout.match(/# (tests|pass|fail) \d+/g) ?? [];
      timings['its contract test results'] = summary.join(', ');
      expect(tested.stdout).toMatch(/# fail 0/);
      expect(Number(/# pass (\d+)/.exec(tested.stdout)?.[1])).toBeGreaterThan(20);
      await npm(['run', 'generate:check'], service);
      await npm(['run', 'generate'], service);
      await npm(['run', 'typecheck'], service);
      const built = await run(steps[3][0], steps[3].slice(1), service);
      timings['its build (tsc)'] = `${(built.ms / 1000).toFixed(1)} s`;
      expect(statSync(join(service, 'dist/generated/openapi.json')).isFile()).toBe(true);
    },
  );

  test('starts, answers a valid and an invalid request as documented, and stops on SIGTERM', async () => {
    writeFileSync(
      join(service, 'handlers/listThings.ts'),
      `import type { Handlers } from '../generated/handlers.gen.js';

export const listThings: Handlers['listThings'] = async ({ query }) => {
  void query;
  return { status: 200, body: [] };
};
`,
    );
    await npm(['run', 'typecheck'], service);
    const port = await freePort();
    const started = performance.now();
    const [command, ...args] = nextSteps(printed)[4];
    const server = await start(command, args, service, cleanEnv({ PORT: String(port) }), /listening on/);
    timings['server start (npm start)'] = `${Math.round(performance.now() - started)} ms`;
    try {
      const base = `http://127.0.0.1:${port}`;
      const valid = await fetch(`${base}/api/things?limit=5`);
      expect(valid.status).toBe(200);
      expect(await valid.json()).toEqual([]);

      const invalid = await fetch(`${base}/api/things?limit=0`);
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = await invalid.json();
      expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400 });
      expect(problem.errors?.[0]?.pointer).toMatch(/limit/);

      const badBody = await fetch(`${base}/api/things`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '' }),
      });
      expect(badBody.status).toBe(400);
      expect(JSON.stringify(await badBody.json())).not.toContain('"name":""');
    } finally {
      await stopGroup(server.child);
    }
    expect(server.output()).toMatch(/SIGTERM: closing/);
  });
});

/** The commands `faultline new` printed under "next:", without their comments, split into words. */
function nextSteps(stdout: string): string[][] {
  const after = stdout.split('\nnext:\n')[1] ?? '';
  return after
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}

function readJson(path: string) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

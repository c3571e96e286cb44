/**
 * ES module and CommonJS output. The format follows the package.json nearest the output folder (as
 * Node, tsc's NodeNext and tsx decide it); CommonJS output holds no `import.meta` (TS1470), type-checks
 * with the generated tsconfig.json, and runs under tsx, with either validation engine.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from '../../generator/generate.js';
import { moduleFormatFor } from '../../generator/module-format.js';
import { loadConfig } from '../../generator/config.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';

const SPEC = join(REPO, 'specs/things.yaml');

describe('moduleFormatFor', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir('format');
    for (const [folder, manifest] of [
      ['cjs', { name: 'a' }],
      ['explicit-cjs', { type: 'commonjs' }],
      ['esm', { type: 'module' }],
      ['broken', null],
    ] as const) {
      mkdirSync(join(dir.path, folder, 'src/api'), { recursive: true });
      writeFileSync(join(dir.path, folder, 'package.json'), manifest ? JSON.stringify(manifest) : '{ not json');
    }
  });
  afterAll(() => dir.remove());

  it.each([
    ['cjs', 'cjs'],
    ['explicit-cjs', 'cjs'],
    ['esm', 'esm'],
    ['broken', 'cjs'],
  ])('%s/src/api (not yet created below) -> %s', (folder, want) => {
    const choice = moduleFormatFor(join(dir.path, folder, 'src/api/not-yet'));
    expect(choice.format).toBe(want);
    expect(choice.packageJson).toBe(join(dir.path, folder, 'package.json'));
  });

  it('a format given in the config wins', () => {
    expect(moduleFormatFor(join(dir.path, 'esm'), 'cjs')).toMatchObject({ format: 'cjs', reason: 'moduleFormat in the config' });
  });
});

describe('faultline.config.ts', () => {
  it.each([
    ['a CommonJS package', { name: 'c' }],
    ['an ES module package', { name: 'e', type: 'module' }],
  ])('loads in %s', async (_name, manifest) => {
    const dir = tempDir('config-format');
    try {
      writeFileSync(join(dir.path, 'package.json'), JSON.stringify(manifest));
      writeFileSync(
        join(dir.path, 'faultline.config.ts'),
        "const output: string = 'src/api';\nexport default { input: 'spec.yaml', output, moduleFormat: 'cjs' as const };\n",
      );
      expect((await loadConfig(dir.path)).config).toEqual({ input: 'spec.yaml', output: 'src/api', moduleFormat: 'cjs' });
    } finally {
      dir.remove();
    }
  });
});

describe('CommonJS output', () => {
  let dir: ReturnType<typeof tempDir>;
  const out = () => join(dir.path, 'src/api');
  beforeAll(async () => {
    dir = tempDir('cjs-project');
    // an `npm init -y` project: no "type", so CommonJS; inside the repo, so express & co. resolve
    writeFileSync(
      join(dir.path, 'package.json'),
      JSON.stringify({ name: 'cjs-project', version: '1.0.0', main: 'index.js', license: 'ISC' }),
    );
    const result = await generate({ input: SPEC, output: 'src/api', cwd: dir.path, client: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.moduleFormat?.format).toBe('cjs');
  }, 300_000);
  afterAll(() => dir.remove());

  it('holds no import.meta and finds openapi.json through __dirname', async () => {
    const rendered = await generate({ input: SPEC, output: 'src/api', cwd: dir.path, client: true, write: false });
    const withMeta = [...rendered.files]
      .filter(([name, text]) => name.endsWith('.ts') && text.includes('import.meta'))
      .map(([name]) => name);
    expect(withMeta).toEqual([]);
    expect(rendered.files.get('generated/router.gen.ts')).toContain("readFileSync(__dirname + '/openapi.json', 'utf8')");
    const esm = await generate({ input: SPEC, output: 'src/api', cwd: dir.path, client: false, write: false, moduleFormat: 'esm' });
    expect(esm.files.get('generated/router.gen.ts')).toContain("readFileSync(new URL('./openapi.json', import.meta.url), 'utf8')");
  });

  it('type-checks as CommonJS with its tsconfig.json', () => {
    const r = tsc(join(out(), 'tsconfig.json'));
    expect(r.stdout + r.stderr).not.toMatch(/TS1470|TS1343/);
    expect(r.code, r.stdout).toBe(0);
  });

  it('runs under tsx as CommonJS, with the compiled engine and with express-openapi-validator', () => {
    writeFileSync(
      join(out(), 'probe.ts'),
      `import { createApp } from './app.js';
if (typeof require !== 'function') throw new Error('expected CommonJS');
const statuses: number[] = [];
function probe(engine: 'compiled' | 'validator', done: () => void) {
  const server = createApp({ engine }).listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    fetch('http://127.0.0.1:' + port + '/api/things?limit=0')
      .then((r) => statuses.push(r.status))
      .finally(() => server.close(done));
  });
}
probe('compiled', () => probe('validator', () => console.log(JSON.stringify(statuses))));
`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'probe.ts'], {
      cwd: out(),
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual([400, 400]);
  });
});

describe('server.ts of each target', () => {
  let dir: ReturnType<typeof tempDir>;
  let holder: Server;
  let takenPort: number;
  beforeAll(async () => {
    dir = tempDir('server-entry');
    writeFileSync(join(dir.path, 'package.json'), JSON.stringify({ name: 'cjs-project', version: '1.0.0' }));
    for (const target of ['express', 'fastify'] as const) {
      const result = await generate({ input: SPEC, output: target, cwd: dir.path, client: false, target });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    takenPort = (holder.address() as AddressInfo).port;
  }, 300_000);
  afterAll(() => {
    holder?.close();
    dir.remove();
  });

  it.each(['express', 'fastify'])('%s: type-checks in a CommonJS project (no top-level await)', (target) => {
    const r = tsc(join(dir.path, target, 'tsconfig.json'));
    expect(r.code, r.stdout).toBe(0);
  });

  it.each(['express', 'fastify'])('%s: a port already in use is an error and exit 1, not "listening"', (target) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server.ts'], {
      cwd: join(dir.path, target),
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test', PORT: String(takenPort), HOST: '127.0.0.1' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot listen on port ${takenPort}`);
    expect(r.stdout).not.toContain('listening');
  });
});

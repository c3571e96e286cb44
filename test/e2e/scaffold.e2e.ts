/**
 * `faultline new` without npm: the files, the spec copy with its referenced files, refusal of a
 * non-empty folder, --force never overwriting, bad input. Runs with `npm run test:e2e`.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../generator/cli.js';
import { generate, scaffold } from '../../generator/index.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'faultline-new-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await main(args, { cwd: work, env: {}, isTTY: false, stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
  return { code, ...out };
}

describe('faultline new', () => {
  test('creates a project from a spec', async () => {
    const r = await cli(['new', 'svc', '--spec', resolve(REPO, 'specs/things.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    const dir = join(work, 'svc');
    for (const f of [
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
      '.gitignore',
      'README.md',
      'faultline.config.ts',
      'spec/things.yaml',
      'app.ts',
      'server.ts',
      'handlers/listThings.ts',
      'generated/router.gen.ts',
      'test/contract.test.ts',
      'test/schemas.ts',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('svc');
    // run from this checkout (not from node_modules): the project links the checkout
    expect(pkg.devDependencies.faultline).toBe(`file:${realpathSync(REPO).replace(/\/$/, '')}`);
    expect(r.stdout).toMatch(/not from the npm registry/);
    expect(pkg.dependencies.express).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).dependencies.express);
    expect(readFileSync(join(dir, 'faultline.config.ts'), 'utf8')).toContain('input: "spec/things.yaml"');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/^# Things\n/);
  });

  test('refuses a non-empty folder, and with --force keeps every existing file', async () => {
    const dir = join(work, 'busy');
    mkdirSync(join(dir, 'handlers'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), 'mine');
    writeFileSync(join(dir, 'handlers/getThing.ts'), 'mine');
    const refused = await cli(['new', 'busy', '--spec', resolve(REPO, 'specs/things.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not empty/);
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    const forced = await cli(['new', 'busy', '--spec', resolve(REPO, 'specs/things.yaml'), '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'handlers/getThing.ts'), 'utf8')).toBe('mine');
    expect(forced.stdout).toMatch(/existing kept: README.md, handlers\/getThing.ts/);
    expect(existsSync(join(dir, 'package.json'))).toBe(true);
  });

  test('copies every file the spec references, keeping the layout', async () => {
    const specDir = join(work, 'multi/api');
    mkdirSync(join(specDir, 'shared'), { recursive: true });
    writeFileSync(
      join(specDir, 'root.yaml'),
      `openapi: 3.0.3
info: { title: Multi, version: '1' }
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200': { description: pong }
        '500': { $ref: './shared/errors.yaml#/ServerError' }
`,
    );
    writeFileSync(
      join(specDir, 'shared/errors.yaml'),
      `ServerError:
  description: failed
  content:
    application/json:
      schema: { type: object, required: [message], properties: { message: { type: string } } }
`,
    );
    const result = await scaffold({ dir: 'multi-svc', spec: join(specDir, 'root.yaml'), cwd: work });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(result.specPath).toBe('spec/root.yaml');
    expect(readFileSync(join(work, 'multi-svc/spec/shared/errors.yaml'), 'utf8')).toContain('ServerError');
    // the copy generates the same service as the original
    const check = await generate({ input: 'spec/root.yaml', output: '.', cwd: join(work, 'multi-svc'), check: true });
    expect(check.check).toEqual({ missing: [], stale: [], extra: [] });
  });

  test('writes nothing for a spec with errors, and rejects bad arguments', async () => {
    // a dangling $ref is a spec error (Swagger 2.0 is converted now, so it no longer serves as one)
    writeFileSync(
      join(work, 'broken.yaml'),
      'openapi: 3.0.3\ninfo: { title: x, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "200": { $ref: ' +
        '"#/components/responses/Missing" }\n',
    );
    const bad = await cli(['new', 'nope', '--spec', 'broken.yaml']);
    expect(bad.code).toBe(1);
    expect(existsSync(join(work, 'nope'))).toBe(false);
    expect((await cli(['new', 'x'])).code).toBe(2);
    expect((await cli(['new', '--spec', 'broken.yaml'])).code).toBe(2);
    expect((await cli(['new', 'x', '--spec', 'broken.yaml', '--name', 'Not Valid'])).code).toBe(2);
  });
});

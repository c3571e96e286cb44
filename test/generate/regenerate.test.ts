/**
 * Safe regeneration: generated/ is rewritten and pruned, user files are never touched, and drift
 * between spec and handlers surfaces as compile errors that name the handler file and line.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../generator/generate.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';
import yaml from 'js-yaml';

const spec = (dir: string) => join(dir, 'users.yaml');

describe('regeneration never destroys user code', () => {
  let dir: ReturnType<typeof tempDir>;
  const out = () => join(dir.path, 'out');
  const gen = () => generate({ input: spec(dir.path), output: out(), cwd: dir.path, client: false });

  beforeAll(async () => {
    dir = tempDir('regen');
    copyFileSync(join(REPO, 'specs/users.yaml'), spec(dir.path));
    const first = await gen();
    expect(first.written?.created).toContain('handlers/getUser.ts');
  });
  afterAll(() => dir.remove());

  it('keeps an edited handler byte for byte, and app.ts and server.ts too', async () => {
    const handler = join(out(), 'handlers/getUser.ts');
    const edited = readFileSync(handler, 'utf8').replace('throw notImplemented', '// my code\n  throw notImplemented');
    writeFileSync(handler, edited);
    writeFileSync(join(out(), 'app.ts'), '// mine\n' + readFileSync(join(out(), 'app.ts'), 'utf8'));
    const again = await gen();
    expect(again.written?.created).toEqual([]);
    expect(readFileSync(handler, 'utf8')).toBe(edited);
    expect(readFileSync(join(out(), 'app.ts'), 'utf8')).toMatch(/^\/\/ mine/);
  });

  it('writes only files whose content changed', async () => {
    const file = join(out(), 'generated/handlers.gen.ts');
    const before = statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const again = await gen();
    expect(again.written?.written).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it(
    'keeps and reports files in generated/ it did not write, adds stubs for new operations, keeps and reports orphaned ' + 'handlers',
    async () => {
      writeFileSync(join(out(), 'generated/leftover.gen.ts'), 'export {};\n');
      const text = readFileSync(spec(dir.path), 'utf8')
        .replace(
          '  /user/{username}:\n',
          "  /health:\n    get:\n      operationId: health\n      responses:\n        '204': { description: ok }\n  /user/{username}:\n",
        )
        .replace(/ {4}delete:\n {6}operationId: deleteUser[\s\S]*?(?= {2}\/login:)/, '');
      writeFileSync(spec(dir.path), text);
      const again = await gen();
      expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // faultline did not write leftover.gen.ts (no manifest lists it): kept and named, never deleted
      expect(again.written?.removed).toEqual([]);
      expect(again.written?.foreign).toEqual(['generated/leftover.gen.ts']);
      expect(existsSync(join(out(), 'generated/leftover.gen.ts'))).toBe(true);
      expect(again.written?.created).toEqual(['handlers/health.ts']);
      expect(again.written?.orphans).toEqual(['handlers/deleteUser.ts']);
      expect(existsSync(join(out(), 'handlers/deleteUser.ts'))).toBe(true);
      expect(readFileSync(join(out(), 'generated/registry.gen.ts'), 'utf8')).not.toMatch(/deleteUser/);
    },
  );
});

describe('drift through types', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir('drift');
    copyFileSync(join(REPO, 'specs/users.yaml'), spec(dir.path));
  });
  afterAll(() => dir.remove());

  const handler = `import type { Handlers, GetUserResult } from '../generated/handlers.gen.js';

export const getUser: Handlers['getUser'] = async ({ params }): Promise<GetUserResult> => {
  if (params.username === 'ghost') return { status: 404, body: { detail: 'No such user' } };
  if (params.username === 'taken') return { status: 409, body: { detail: 'Username already taken' } };
  return { status: 200, body: { id: 1, email: 'a@b.co', dept: 'x', name: 'n', username: params.username, created_at: new Date().toISOString() } };
};
`;

  const editGetUser = (edit: (responses: Record<string, unknown>) => void) => {
    const doc = yaml.load(readFileSync(spec(dir.path), 'utf8')) as any;
    edit(doc.paths['/user/{username}'].get.responses);
    writeFileSync(spec(dir.path), yaml.dump(doc));
  };

  it('adding a 409 to an operation lets its handler return 409; removing the 404 it returns fails tsc at that line', async () => {
    const out = join(dir.path, 'out');
    editGetUser((responses) => {
      expect(responses['409']).toBeUndefined();
      responses['409'] = { $ref: '#/components/responses/Conflict' };
    });
    await generate({ input: spec(dir.path), output: out, cwd: dir.path, client: false });
    writeFileSync(join(out, 'handlers/getUser.ts'), handler);
    // tsc's incremental state carries over to the second compile of the same project
    const buildInfo = join(dir.path, 'tsc.tsbuildinfo');
    const ok = tsc(out, buildInfo);
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.code).toBe(0);

    editGetUser((responses) => {
      expect(responses['404']).toBeDefined();
      delete responses['404'];
    });
    await generate({ input: spec(dir.path), output: out, cwd: dir.path, client: false });
    const broken = tsc(out, buildInfo);
    expect(broken.code).not.toBe(0);
    expect(broken.stdout).toMatch(/handlers\/getUser\.ts\(4,\d+\): error TS/);
  });
});

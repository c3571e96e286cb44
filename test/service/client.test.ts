/**
 * End to end through the generated @hey-api client: a freshly generated users service with its stub
 * handlers answers the documented "not implemented" 500, and the committed service with in-memory
 * handlers serves create/read/list/delete and the documented 409/404, typed on both sides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { generate } from '../../generator/generate.js';
import { createApp } from '../../output/users/app.js';
import { createClient } from '../../output/users/generated/client/client/index.js';
import * as sdk from '../../output/users/generated/client/sdk.gen.js';
import { createLogger } from '../../output/users/generated/runtime/index.js';
import { contractChecker } from '../support/contract.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';
import { memoryUsers } from './memory.js';

const silent = createLogger({ level: 'silent' });
const pam = { email: 'pam@dm.com', dept: 'Accounting', password: 'jimjim', name: 'Pam Besly', username: 'pam' };

describe('a freshly generated service with its stubs', () => {
  const dir = tempDir('stubs');
  let server: Awaited<ReturnType<typeof listen>>;
  let client: any;
  let api: any;
  beforeAll(async () => {
    const result = await generate({ input: 'specs/users.yaml', output: dir.path, cwd: REPO });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const app = await import(join(dir.path, 'app.ts'));
    const runtime = await import(join(dir.path, 'generated/runtime/index.ts'));
    api = await import(join(dir.path, 'generated/client/sdk.gen.ts'));
    const clientModule = await import(join(dir.path, 'generated/client/client/index.ts'));
    server = await listen(app.createApp({ logger: runtime.createLogger({ level: 'silent' }) }));
    client = clientModule.createClient({ baseUrl: server.base });
  });
  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  it('every operation answers the documented 500 "not implemented" through the generated client', async () => {
    const contract = contractChecker(JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8')));
    const calls: [string, string, string, () => Promise<any>][] = [
      ['POST', '/user/', 'createUser', () => api.createUser({ client, body: pam })],
      ['GET', '/user/', 'listUsers', () => api.listUsers({ client })],
      ['GET', '/user/{username}', 'getUser', () => api.getUser({ client, path: { username: 'pam' } })],
      ['PATCH', '/user/{username}', 'updateUser', () => api.updateUser({ client, path: { username: 'pam' }, body: { name: 'P' } })],
      ['DELETE', '/user/{username}', 'deleteUser', () => api.deleteUser({ client, path: { username: 'pam' } })],
    ];
    for (const [method, path, name, call] of calls) {
      const { error, response } = await call();
      expect(response.status, name).toBe(500);
      expect(error).toEqual({ detail: `${name} is not implemented yet` });
      contract.expectDocumented(method, path, 500, { status: response.status, headers: response.headers, text: JSON.stringify(error) });
    }
  });
});

describe('the users service through its typed client', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    server = await listen(createApp({ handlers: memoryUsers(), logger: silent }));
    client = createClient({ baseUrl: server.base });
  });
  afterAll(() => server?.close());

  it('create, conflict, read, list, delete, not found', async () => {
    const created = await sdk.createUser({ client, body: pam });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ username: 'pam', email: 'pam@dm.com' });
    expect(created.data).not.toHaveProperty('password');

    const again = await sdk.createUser({ client, body: pam });
    expect(again.response.status).toBe(409);
    expect(again.error).toEqual({ detail: 'Username already taken' });

    const read = await sdk.getUser({ client, path: { username: 'pam' } });
    expect(read.data?.name).toBe('Pam Besly');
    const list = await sdk.listUsers({ client, query: { limit: 10 } });
    expect(list.data?.map((u) => u.username)).toEqual(['pam']);

    const deleted = await sdk.deleteUser({ client, path: { username: 'pam' } });
    expect(deleted.response.status).toBe(204);
    const gone = await sdk.getUser({ client, path: { username: 'pam' } });
    expect(gone.response.status).toBe(404);
    expect(gone.error).toEqual({ detail: 'No user named pam' });
  });

  it('a request the client sends with invalid data gets the documented 400 with every issue', async () => {
    const bad = await sdk.createUser({ client, body: { ...pam, email: 'nope', username: '' } });
    expect(bad.response.status).toBe(400);
    const detail = (bad.error as { detail: { loc: string[] }[] }).detail;
    expect([...new Set(detail.map((d) => d.loc.join('.')))].sort()).toEqual(['body.email', 'body.username']);
  });
});

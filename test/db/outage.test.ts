/**
 * The database goes away while the service runs: every request gets the documented 503 (with
 * Retry-After) quickly, nothing hangs, the process survives, and once the database is back the
 * same service answers normally again without a restart.
 *   PGlite: the embedded instance is closed under the service (as if it crashed).
 *   Real server: a TCP proxy in front of it is stopped (refused + cut connections) and restarted;
 *   separately, pg_terminate_backend kills the pool's idle connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../output/users/app.js';
import { openDatabase, type PgliteDatabase, type Database } from '../../output/infra/db/index.js';
import { usersMigrations } from '../../output/infra/db/migrations/users.js';
import { adminPool, describeRealServer, isolatedSchema, realServerUrl } from './support/backends.js';
import { DATABASE_TEXT, expectDocumented } from './support/contract.js';
import { listen, memoryLogger, send, type Running } from './support/http.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { describe } from 'vitest';

const pam = { email: 'pam@dm.com', dept: 'Accounting', password: 'jimjim', name: 'Pam Besly', username: 'pam' };

/** Both a write and a read answer the documented 503, each well within `withinMs`. */
async function expectUnavailable(api: Running, withinMs = 8_000): Promise<void> {
  for (const [method, path, template, body] of [
    ['POST', '/user/', '/user/', { ...pam, username: 'kevin' }],
    ['GET', '/user/pam', '/user/{username}', undefined],
  ] as const) {
    const started = Date.now();
    const reply = await send(api.base, method, path, body, withinMs);
    expect(Date.now() - started).toBeLessThan(withinMs);
    expectDocumented('users', method, template, 503, reply);
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.text).not.toMatch(DATABASE_TEXT);
  }
}

/** Polls until GET /user/pam is 200 again; every answer before that must be the documented 503. */
async function expectRecovery(api: Running, withinMs = 15_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const reply = await api.request('GET', '/user/pam');
    if (reply.status === 200) return Date.now() - started;
    expectDocumented('users', 'GET', '/user/{username}', 503, reply);
    if (Date.now() - started > withinMs) throw new Error('the service did not recover');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('outage [pglite]', () => {
  let dir: string;
  let db: PgliteDatabase;
  let api: Running;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'faultline-outage-'));
    db = (await openDatabase({ service: 'users', migrations: usersMigrations, url: path.join(dir, 'users') })) as PgliteDatabase;
    api = await listen(createApp({ database: db, logger: memoryLogger().logger }));
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('embedded database closed under the service: documented 503, then recovery with the data kept', async () => {
    expectDocumented('users', 'POST', '/user/', 201, await api.request('POST', '/user/', pam));
    await db.instance!.close();
    await expectUnavailable(api);
    await expectRecovery(api);
    expectDocumented('users', 'POST', '/user/', 409, await api.request('POST', '/user/', pam));
  });

  it('after the final close (shutdown) it stays the documented 503 and does not reopen', async () => {
    await db.close();
    await expectUnavailable(api);
    expect(db.instance).toBeUndefined();
  });
});

describeRealServer('outage [pg]', () => {
  let proxy: TcpProxy;
  let schema: Awaited<ReturnType<typeof isolatedSchema>>;
  let db: Database;
  let api: Running;

  beforeAll(async () => {
    const server = new URL(realServerUrl!);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    schema = await isolatedSchema();
    const viaProxy = new URL(schema.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    // Its own application_name, so killing "our" connections cannot touch other test files.
    viaProxy.searchParams.set('application_name', `faultline-outage-${process.pid}`);
    db = await openDatabase({ service: 'users', migrations: usersMigrations, url: viaProxy.toString() });
    api = await listen(createApp({ database: db, logger: memoryLogger().logger }));
    expectDocumented('users', 'POST', '/user/', 201, await api.request('POST', '/user/', pam));
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
    await proxy?.stop();
    await schema?.drop();
  });

  it('server unreachable (refused, connections cut): documented 503, then recovery when it is back', async () => {
    await proxy.stop();
    await expectUnavailable(api);
    await proxy.start();
    await expectRecovery(api);
  });

  it('connections killed with pg_terminate_backend: no crash, at most 503s, then normal answers', async () => {
    // Fill the pool with a few connections, then kill them all while idle.
    await Promise.all(Array.from({ length: 4 }, () => api.request('GET', '/user/')));
    const admin = adminPool();
    const { rows } = await admin.query(
      'SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity WHERE application_name = $1',
      [`faultline-outage-${process.pid}`],
    );
    await admin.end();
    expect(rows[0].killed).toBeGreaterThan(0);
    await expectRecovery(api);
    expectDocumented('users', 'POST', '/user/', 409, await api.request('POST', '/user/', pam));
  });
});

/**
 * The users service over a real Postgres engine (PGlite always, a server when DATABASE_URL is set):
 * migrations, the 409 both ways (guard and race), password storage, and the CRUD paths, with every
 * response checked against the spec.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../output/users/app.js';
import { verifyPassword } from '../../output/infra/db/password.js';
import { migrate, type Database } from '../../output/infra/db/index.js';
import { usersMigrations } from '../../output/infra/db/migrations/users.js';
import { eachBackend, openBackend, type Opened } from './support/backends.js';
import { DATABASE_TEXT, expectDocumented } from './support/contract.js';
import { listen, memoryLogger, type Running } from './support/http.js';

const pam = { email: 'pam@dm.com', dept: 'Accounting', password: 'jimjim', name: 'Pam Besly', username: 'pam' };

eachBackend('users on Postgres', (backend) => {
  let opened: Opened;
  let api: Running;
  const { logger, lines } = memoryLogger();

  beforeAll(async () => {
    opened = await openBackend(backend, 'users', usersMigrations);
    api = await listen(createApp({ database: opened.db, logger }));
  });
  afterAll(async () => {
    await api?.close();
    await opened?.cleanup();
  });

  it('migrations are idempotent: a second run applies nothing', async () => {
    expect(await migrate(opened.db, 'users', usersMigrations)).toEqual([]);
    const ledger = await opened.db.query<{ id: string }>(`SELECT id FROM faultline_migrations WHERE service = 'users'`);
    expect(ledger.map((row) => row.id)).toEqual(['001_users', '002_tokens']);
  });

  it('two instances migrating at once apply each migration exactly once (advisory lock)', async () => {
    const migrations = [{ id: '001_notes', statements: ['CREATE TABLE notes (id int PRIMARY KEY)'] }];
    const results = await Promise.all([migrate(opened.db, 'notes', migrations), migrate(opened.db, 'notes', migrations)]);
    expect(results.map((applied) => applied.length).sort()).toEqual([0, 1]);
  });

  it('POST /user/ twice (the README curl): 201, then the documented 409 "Username already taken"', async () => {
    const created = expectDocumented('users', 'POST', '/user/', 201, await api.request('POST', '/user/', pam));
    expect(created).toMatchObject({ username: 'pam', email: 'pam@dm.com', name: 'Pam Besly', dept: 'Accounting' });
    expect(Number.isInteger(created.id)).toBe(true);
    const again = expectDocumented('users', 'POST', '/user/', 409, await api.request('POST', '/user/', pam));
    expect(again).toEqual({ detail: 'Username already taken' });
  });

  it('stores the password as a scrypt hash and never returns or logs it', async () => {
    const secret = 'correct horse battery';
    const reply = await api.request('POST', '/user/', { ...pam, username: 'dwight', password: secret });
    expect(reply.text).not.toContain(secret);
    expectDocumented('users', 'POST', '/user/', 201, reply);
    const [row] = await opened.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', ['dwight']);
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain(secret);
    expect(await verifyPassword(secret, row.password_hash)).toBe(true);
    expect(await verifyPassword('wrong', row.password_hash)).toBe(false);
    // Rejected (too short), failed (duplicate) and listed: still nowhere in what the service says or logs.
    await api.request('POST', '/user/', { ...pam, username: 'dwight', password: secret });
    const short = await api.request('POST', '/user/', { ...pam, username: 'jim', password: 'abc' });
    expectDocumented('users', 'POST', '/user/', 400, short);
    expect((await api.request('GET', '/user/')).text).not.toMatch(/password|scrypt/);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain('"abc"');
  });

  it('the race: two creates of one username both reach the INSERT; the UNIQUE violation is the documented 409', async () => {
    // Both requests pass the guard because neither has inserted yet; the barrier holds each INSERT
    // until both have arrived, so the constraint, not the guard, decides.
    const barrier = insertBarrier(opened.db, 2);
    const racing = await listen(createApp({ database: barrier.db, logger }));
    try {
      const body = { ...pam, username: 'angela' };
      const replies = await Promise.all([racing.request('POST', '/user/', body), racing.request('POST', '/user/', body)]);
      expect(barrier.arrived()).toBe(2);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      const conflict = replies.find((r) => r.status === 409)!;
      expect(expectDocumented('users', 'POST', '/user/', 409, conflict).detail).toBe('The request conflicts with existing data.');
      expect(conflict.text).not.toMatch(DATABASE_TEXT);
      const rows = await opened.db.query('SELECT id FROM users WHERE username = $1', ['angela']);
      expect(rows).toHaveLength(1);
    } finally {
      await racing.close();
    }
  });

  it('GET, list, PATCH, DELETE and their documented 404/409', async () => {
    expectDocumented('users', 'GET', '/user/{username}', 200, await api.request('GET', '/user/pam'));
    const missing = expectDocumented('users', 'GET', '/user/{username}', 404, await api.request('GET', '/user/nobody'));
    expect(missing).toEqual({ detail: 'No user has this username' });
    const list = expectDocumented('users', 'GET', '/user/', 200, await api.request('GET', '/user/?limit=2'));
    expect(list.map((u: { username: string }) => u.username)).toEqual(['pam', 'dwight']);
    const updated = expectDocumented(
      'users',
      'PATCH',
      '/user/{username}',
      200,
      await api.request('PATCH', '/user/dwight', { dept: 'Sales' }),
    );
    expect(updated.dept).toBe('Sales');
    const clash = expectDocumented(
      'users',
      'PATCH',
      '/user/{username}',
      409,
      await api.request('PATCH', '/user/dwight', { username: 'pam' }),
    );
    expect(clash).toEqual({ detail: 'Username already taken' });
    expectDocumented('users', 'PATCH', '/user/{username}', 404, await api.request('PATCH', '/user/nobody', { dept: 'x' }));
    expectDocumented('users', 'DELETE', '/user/{username}', 204, await api.request('DELETE', '/user/dwight'));
    expectDocumented('users', 'DELETE', '/user/{username}', 404, await api.request('DELETE', '/user/dwight'));
  });
});

/** A Database whose INSERTs into users wait until `parties` of them are waiting (5 s at most). */
function insertBarrier(db: Database, parties: number) {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  const wrapped: Database = {
    kind: db.kind,
    transaction: (work, options) => db.transaction(work, options),
    close: () => db.close(),
    query: async (sql, params) => {
      if (/^\s*INSERT INTO users\b/i.test(sql)) {
        if (++arrived >= parties) open();
        await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }
      return db.query(sql, params);
    },
  };
  return { db: wrapped, arrived: () => arrived };
}

/**
 * Fault injection: every SQLSTATE row of the runtime's database mapper (generated/runtime/db-errors.ts),
 * raised by a real Postgres engine inside a real request, must come out as the documented response:
 * the mapped status where the operation documents it (409/400/503, 503 with Retry-After), else the
 * documented 500, and never the database's text.
 *
 * Most faults are provoked the way production hits them (a duplicate key, a bad cast, a concurrent
 * update under REPEATABLE READ, pg_terminate_backend on the running query). The few that need a
 * condition a test cannot create cheaply (a deadlock, 100 connections) are raised by the server
 * itself with RAISE ... USING ERRCODE, which is the same error on the wire. PGlite has a single
 * connection, so there the concurrency faults are raised too; the real-server run provokes them.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp as createUsersApp } from '../../output/users/app.js';
import { createApp as createThingsApp } from '../../output/things/app.js';
import { POSTGRES_SQLSTATES } from '../../output/users/generated/runtime/db-errors.js';
import type { Database } from '../../output/infra/db/index.js';
import { eachBackend, openBackend, type BackendName, type Opened } from './support/backends.js';
import { DATABASE_TEXT, expectDocumented } from './support/contract.js';
import { listen, memoryLogger, type Running } from './support/http.js';

interface Context {
  backend: BackendName;
  db: Database;
  /** Another session on the same database (real server only), to act concurrently. */
  outside?: pg.Pool;
}

interface Fault {
  sqlstate: string;
  name: string;
  /** POST /user/ documents 400, 409, 500 and 503. */
  users: number;
  /** POST /api/things documents 400, 500 and 503 but no 409: a conflict there is the documented 500. */
  things: number;
  provoke(ctx: Context): Promise<unknown>;
}

const raise = (sqlstate: string) => (ctx: Context) =>
  ctx.db.query(`DO $$ BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '${sqlstate}'; END $$`);

export const FAULTS: Fault[] = [
  {
    sqlstate: '23505',
    name: 'unique violation',
    users: 409,
    things: 500,
    provoke: ({ db }) => db.query(`INSERT INTO fault_parent (id, label) VALUES (1, 'again')`),
  },
  {
    sqlstate: '23503',
    name: 'foreign key violation',
    users: 409,
    things: 500,
    provoke: ({ db }) => db.query('INSERT INTO fault_child (parent_id) VALUES (999)'),
  },
  {
    sqlstate: '23502',
    name: 'not null violation',
    users: 400,
    things: 400,
    provoke: ({ db }) => db.query('INSERT INTO fault_parent (id, label) VALUES (2, NULL)'),
  },
  {
    sqlstate: '23514',
    name: 'check violation',
    users: 400,
    things: 400,
    provoke: ({ db }) => db.query(`INSERT INTO fault_parent (id, label, rating) VALUES (3, 'x', 9)`),
  },
  { sqlstate: '22P02', name: 'bad text representation', users: 400, things: 400, provoke: ({ db }) => db.query('SELECT $1::int', ['abc']) },
  {
    sqlstate: '22001',
    name: 'string too long',
    users: 400,
    things: 400,
    provoke: ({ db }) => db.query(`INSERT INTO fault_parent (id, label, code) VALUES (4, 'x', 'abcd')`),
  },
  {
    sqlstate: '22003',
    name: 'numeric out of range',
    users: 400,
    things: 400,
    provoke: ({ db }) => db.query('SELECT $1::int + 1', [2147483647]),
  },
  {
    sqlstate: '22007',
    name: 'invalid datetime format',
    users: 400,
    things: 400,
    provoke: ({ db }) => db.query('SELECT $1::date', ['not a date']),
  },
  {
    sqlstate: '22008',
    name: 'datetime out of range',
    users: 400,
    things: 400,
    provoke: ({ db }) => db.query('SELECT $1::date', ['2020-13-45']),
  },
  {
    sqlstate: '22021',
    name: 'invalid byte sequence',
    users: 400,
    things: 400,
    provoke: ({ db }) => db.query(`SELECT convert_from(decode('ff', 'hex'), 'UTF8')`),
  },
  {
    sqlstate: '40001',
    name: 'serialization failure',
    users: 503,
    things: 503,
    provoke: (ctx) => (ctx.outside ? serializationFailure(ctx.db, ctx.outside) : raise('40001')(ctx)),
  },
  { sqlstate: '40P01', name: 'deadlock', users: 503, things: 503, provoke: raise('40P01') },
  { sqlstate: '53300', name: 'too many connections', users: 503, things: 503, provoke: raise('53300') },
  {
    sqlstate: '57P01',
    name: 'terminated connection',
    users: 503,
    things: 503,
    provoke: (ctx) => (ctx.outside ? terminatedQuery(ctx.db, ctx.outside) : raise('57P01')(ctx)),
  },
  { sqlstate: '08006', name: 'connection failure (class 08)', users: 503, things: 503, provoke: raise('08006') },
];

it('the fault table covers every Postgres row of the runtime mapper', () => {
  const covered = FAULTS.map((f) => f.sqlstate).filter((code) => !code.startsWith('08'));
  expect(covered.sort()).toEqual(Object.keys(POSTGRES_SQLSTATES).sort());
});

eachBackend('database faults become documented responses', (backend) => {
  let opened: Opened;
  let outside: pg.Pool | undefined;
  let users: Running;
  let things: Running;
  let current: Fault;
  let seen: string | undefined;

  // Both services' create handlers run the current fault and record the SQLSTATE the engine raised.
  const inject = async (): Promise<never> => {
    try {
      await current.provoke({ backend, db: opened.db, outside });
    } catch (error) {
      seen = (error as { code?: string }).code;
      throw error;
    }
    throw new Error(`fault ${current.sqlstate} did not fire`);
  };

  beforeAll(async () => {
    opened = await openBackend(backend, 'faults', []);
    for (const sql of SETUP) await opened.db.query(sql);
    if (backend === 'pg') {
      outside = new pg.Pool({ connectionString: opened.url, max: 2 });
      outside.on('error', () => undefined);
    }
    const { logger } = memoryLogger();
    users = await listen(createUsersApp({ database: opened.db, logger, handlers: { createUser: inject } }));
    things = await listen(createThingsApp({ database: opened.db, logger, handlers: { createThing: inject } }));
  });
  afterAll(async () => {
    await users?.close();
    await things?.close();
    await outside?.end();
    await opened?.cleanup();
  });

  for (const fault of FAULTS) {
    it(`${fault.sqlstate} ${fault.name}: users ${fault.users}, things ${fault.things}`, async () => {
      current = fault;
      const cases = [
        {
          api: () => users,
          service: 'users' as const,
          path: '/user/',
          status: fault.users,
          body: { email: 'a@b.co', dept: 'd', password: 'secret1', name: 'n', username: 'u' },
        },
        {
          api: () => things,
          service: 'things' as const,
          path: '/api/things',
          status: fault.things,
          body: { name: 'n', description: 'd', rating_out_of_five: 1 },
        },
      ];
      for (const c of cases) {
        seen = undefined;
        const reply = await c.api().request('POST', c.path, c.body);
        expect(seen, 'the engine raised this SQLSTATE').toBe(fault.sqlstate);
        expectDocumented(c.service, 'POST', c.path, c.status, reply);
        expect(reply.text).not.toMatch(DATABASE_TEXT);
        expect(reply.headers.get('retry-after')).toBe(c.status === 503 ? '1' : null);
      }
    });
  }
});

const SETUP = [
  `CREATE TABLE fault_parent (id int PRIMARY KEY, label text NOT NULL, rating int CHECK (rating BETWEEN 0 AND 5), code varchar(3), ` +
    `counter int NOT NULL DEFAULT 0)`,
  `CREATE TABLE fault_child (parent_id int NOT NULL REFERENCES fault_parent (id))`,
  `INSERT INTO fault_parent (id, label) VALUES (1, 'first')`,
];

/** REPEATABLE READ reads row 1, another session updates and commits it, our update must fail (40001). */
async function serializationFailure(db: Database, outside: pg.Pool): Promise<void> {
  await db.transaction(
    async (tx) => {
      await tx.query('SELECT counter FROM fault_parent WHERE id = 1');
      await outside.query('UPDATE fault_parent SET counter = counter + 1 WHERE id = 1');
      await tx.query('UPDATE fault_parent SET counter = counter + 1 WHERE id = 1');
    },
    { isolation: 'repeatable read' },
  );
}

/** A slow query whose backend another session kills with pg_terminate_backend (57P01). */
async function terminatedQuery(db: Database, outside: pg.Pool): Promise<void> {
  const marker = `fault_${Math.random().toString(36).slice(2)}`;
  const running = db.query(`SELECT pg_sleep(10) AS ${marker}`);
  running.catch(() => undefined);
  for (let i = 0; i < 100; i++) {
    const { rows } = await outside.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`,
      [`%AS ${marker}%`],
    );
    if (rows.some((row) => row.killed)) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await running;
}

/**
 * The databases every suite in test/db runs against:
 * - pglite: always, in memory (embedded Postgres, same SQL and SQLSTATEs as a server);
 * - pg: a real PostgreSQL server, when DATABASE_URL is a postgres:// URL (.ci/run starts one).
 * Without that URL the pg suites are skipped and say so; with CI=true they fail instead, so CI can
 * never go green without having run them.
 *
 * Each test file gets its own schema on the real server (search_path in the URL), so files running
 * in parallel and earlier runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase, type Database, type Migration } from '../../../output/infra/db/index.js';

export type BackendName = 'pglite' | 'pg';

export interface Opened {
  db: Database;
  /** The DATABASE_URL a child process would use for the same data. */
  url: string;
  cleanup(): Promise<void>;
}

export const realServerUrl = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL! : undefined;
const inCI = process.env.CI === 'true' || process.env.CI === '1';

export async function openBackend(name: BackendName, service: string, migrations: readonly Migration[]): Promise<Opened> {
  if (name === 'pglite') {
    const db = await openDatabase({ service, migrations, url: 'memory://' });
    return { db, url: 'memory://', cleanup: () => db.close() };
  }
  const isolated = await isolatedSchema();
  const db = await openDatabase({ service, migrations, url: isolated.url });
  return {
    db,
    url: isolated.url,
    cleanup: async () => {
      await db.close();
      await isolated.drop();
    },
  };
}

/** A fresh schema on the real server and a DATABASE_URL whose connections use it. */
export async function isolatedSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = await createSchema();
  return { url: withSearchPath(realServerUrl!, schema), drop: () => dropSchema(schema) };
}

/** Runs `suite` once per backend, inside describe(name). The pg run is skipped or failed as above. */
export function eachBackend(title: string, suite: (backend: BackendName) => void): void {
  describe(`${title} [pglite]`, () => suite('pglite'));
  describeRealServer(`${title} [pg]`, () => suite('pg'));
}

/** describe() that needs the real server. */
export function describeRealServer(title: string, suite: () => void): void {
  if (realServerUrl) {
    describe(title, suite);
    return;
  }
  if (inCI) {
    describe(title, () => {
      it('has a real PostgreSQL server (DATABASE_URL=postgres://...)', () => {
        throw new Error('CI=true but DATABASE_URL is not a postgres:// URL: the real-server suite must run in CI (see .ci/run)');
      });
    });
    return;
  }
  console.warn(`[test/db] real-server suite skipped: "${title}" (set DATABASE_URL=postgres://... to run it)`);
  describe.skip(title, suite);
}

/** An admin connection to the real server, for setup and for injecting faults from outside. */
export function adminPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: realServerUrl, max: 3 });
  pool.on('error', () => undefined);
  return pool;
}

async function createSchema(): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const pool = adminPool();
  await pool.query(`CREATE SCHEMA ${schema}`);
  await pool.end();
  return schema;
}

async function dropSchema(schema: string): Promise<void> {
  const pool = adminPool();
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
}

/** libpq's `options` parameter: every connection of the pool starts with this search_path. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

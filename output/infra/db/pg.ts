/**
 * A real PostgreSQL server through a `pg` pool.
 *
 * The pool settings are what keep an outage from hanging or crashing the service:
 * - connectionTimeoutMillis: an unreachable server fails a request in seconds (ECONNREFUSED or a
 *   timeout), not after the OS gives up;
 * - query_timeout: a query on a connection that silently died does not wait forever;
 * - the pool's 'error' listener: the server killing an idle connection (restart,
 *   pg_terminate_backend) emits 'error' on the pool, which would crash the process if unheard.
 * The pool opens new connections by itself once the server is back, so recovery needs no code.
 */
import pg from 'pg';
import { DatabaseUnavailableError } from './unavailable.js';
import type { Database, Isolation, Queryable } from './types.js';

export interface PgOptions {
  url: string;
  /** Shown in pg_stat_activity: which service holds a connection. */
  applicationName?: string;
  onOpen?: (db: Database) => Promise<void>;
  onWarning?: (message: string, error?: unknown) => void;
  /** Pool limits; the defaults suit an example service. */
  max?: number;
  connectionTimeoutMillis?: number;
  queryTimeoutMillis?: number;
}

export async function openPg(options: PgOptions): Promise<PgDatabase> {
  const db = new PgDatabase(options);
  try {
    await options.onOpen?.(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export class PgDatabase implements Database {
  readonly kind = 'pg' as const;
  readonly pool: pg.Pool;
  #closed = false;

  constructor(options: PgOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      application_name: options.applicationName,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3_000,
      query_timeout: options.queryTimeoutMillis ?? 15_000,
      idleTimeoutMillis: 10_000,
      keepAlive: true,
    });
    this.pool.on('error', (error) => options.onWarning?.('idle database connection lost', error));
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    if (this.#closed) throw new DatabaseUnavailableError('closed');
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as Row[];
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>, options: { isolation?: Isolation } = {}): Promise<T> {
    if (this.#closed) throw new DatabaseUnavailableError('closed');
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query(options.isolation ? `BEGIN ISOLATION LEVEL ${options.isolation.toUpperCase()}` : 'BEGIN');
      const result = await work({ query: async <Row>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as Row[] });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A failed ROLLBACK means the connection itself is gone: release it as broken so the pool drops it.
      await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  /** Waits for checked-out clients to be released, then closes every connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }
}

/**
 * Embedded Postgres (PGlite): one in-process connection, data in a folder or in memory.
 *
 * If the instance goes away under us (closed by other code, or the WASM runtime aborted), queries
 * fail fast with DatabaseUnavailableError (SQLSTATE 08003, so the documented 503) instead of
 * hanging, and a fresh instance is opened in the background on the same data folder, migrations
 * included. Only our own close() is final.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseUnavailableError } from './unavailable.js';
import type { Database, Isolation, Queryable } from './types.js';

export interface PgliteOptions {
  /** A folder for the data files; undefined keeps everything in memory (lost on reopen). */
  dataDir?: string;
  /** Runs on every (re)open before other queries are accepted: migrations. */
  onOpen?: (db: Database) => Promise<void>;
  onWarning?: (message: string, error?: unknown) => void;
}

export async function openPglite(options: PgliteOptions): Promise<PgliteDatabase> {
  const db = new PgliteDatabase(options);
  await db.ready();
  return db;
}

export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  #instance: PGlite | undefined;
  #opening: Promise<void> | undefined;
  #closed = false;

  constructor(private readonly options: PgliteOptions) {}

  /** The live PGlite instance, for tools and fault tests (closing it simulates a crash). */
  get instance(): PGlite | undefined {
    return this.#instance;
  }

  /** Resolves once an instance is open and migrated; rejects if that failed. */
  async ready(): Promise<void> {
    if (this.#closed) throw new DatabaseUnavailableError('closed');
    if (this.#instance && !this.#instance.closed) return;
    this.#opening ??= this.#open().finally(() => (this.#opening = undefined));
    await this.#opening;
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.#live().then((db) => db.query<Row>(sql, params));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: { isolation?: Isolation }): Promise<T> {
    return this.#live().then((db) => db.transaction(work, options));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#opening?.catch(() => undefined);
    const pg = this.#instance;
    this.#instance = undefined;
    if (pg && !pg.closed) await pg.close();
  }

  async #open(): Promise<void> {
    if (this.options.dataDir) mkdirSync(this.options.dataDir, { recursive: true });
    const pg = await PGlite.create(this.options.dataDir);
    try {
      await this.options.onOpen?.(view(pg));
    } catch (error) {
      await pg.close().catch(() => undefined);
      throw error;
    }
    this.#instance = pg;
  }

  /** The instance to use now, or a fast 503-mapped failure while a lost one is replaced. */
  async #live(): Promise<Database> {
    if (this.#closed) throw new DatabaseUnavailableError('closed');
    const pg = this.#instance;
    if (pg && !pg.closed) return view(pg);
    if (!this.#opening) {
      this.options.onWarning?.('embedded database is closed; reopening it');
      this.ready().catch((error) => this.options.onWarning?.('reopening the embedded database failed; the next request retries', error));
    }
    throw new DatabaseUnavailableError('reopening');
  }
}

/** A Database over one PGlite instance; a query on it after it closed becomes a connection failure. */
function view(pg: PGlite): Database {
  const run = <Row>(target: Pick<PGlite, 'query'>, sql: string, params: readonly unknown[] = []) =>
    guard(async () => (await target.query<Row>(sql, params as unknown[])).rows);
  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    transaction: (work, options = {}) =>
      guard(() =>
        pg.transaction(async (tx) => {
          if (options.isolation) await tx.query(`SET TRANSACTION ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
          return work({ query: (sql, params) => run(tx, sql, params) });
        }),
      ),
    close: () => pg.close(),
  };
}

/** PGlite reports a closed instance as a plain Error without a SQLSTATE; make it one. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && !('code' in error) && /closed/i.test(error.message)) throw new DatabaseUnavailableError('closed', { cause: error });
    throw error;
  }
}

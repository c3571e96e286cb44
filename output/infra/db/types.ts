/**
 * The small database surface the example handlers use. Both backends (embedded PGlite and a real
 * server through pg) speak Postgres SQL with `$1` parameters and raise Postgres SQLSTATEs in
 * `err.code`, which is what the generated runtime maps to 409/400/503. Handlers never see which
 * backend they run on.
 */

export interface Queryable {
  /** Runs one statement and returns its rows. Errors keep the driver's SQLSTATE in `code`. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'pg';
  /** Runs `work` in one transaction on one connection: COMMIT if it resolves, ROLLBACK if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: { isolation?: Isolation }): Promise<T>;
  /** Stops taking new work, waits for what is running, releases the connection(s). Idempotent. */
  close(): Promise<void>;
}

/**
 * One schema change. `id` is recorded once applied, so each migration runs once per database.
 * Statements are listed one by one because PGlite's parameterised `query` runs a single statement.
 */
export interface Migration {
  readonly id: string;
  readonly statements: readonly string[];
}

/**
 * Database errors -> HTTP, by one fixed table (the promise: a database error never reaches the client as text). Only the error's code
 * is read: the server's message can hold table names, SQL or the client's own values, so it is
 * never looked at and never returned. The one exception is pg, which reports a dropped
 * connection as a plain Error without a code; those few messages are the driver's own fixed
 * text (node_modules/pg/lib/client.js, pg-pool), matched exactly, and still never returned.
 *
 * Copied verbatim into every generated service: no imports, no dependencies.
 */

export interface DatabaseErrorRow {
  readonly status: 409 | 400 | 503;
  readonly code: string;
  /** Seconds for the Retry-After header on 503s: the failure is usually over by then. */
  readonly retryAfter?: number;
}

export type DatabaseErrorMapping = { status: 409 | 400 | 503; code: string; retryAfter?: number };

const RETRY_AFTER_SECONDS = 1;
const conflict = (code: string): DatabaseErrorRow => ({ status: 409, code });
const invalid = (code: string): DatabaseErrorRow => ({ status: 400, code });
const unavailable = (code: string): DatabaseErrorRow => ({ status: 503, code, retryAfter: RETRY_AFTER_SECONDS });

/** Postgres SQLSTATE in `err.code`, as set by pg, postgres.js and PGlite. */
export const POSTGRES_SQLSTATES: Readonly<Record<string, DatabaseErrorRow>> = {
  '23505': conflict('UNIQUE_VIOLATION'),
  '23503': conflict('FOREIGN_KEY_VIOLATION'),
  '23502': invalid('NOT_NULL_VIOLATION'),
  '23514': invalid('CHECK_VIOLATION'),
  '22P02': invalid('INVALID_TEXT_REPRESENTATION'),
  '22001': invalid('STRING_TOO_LONG'),
  '22003': invalid('NUMERIC_OUT_OF_RANGE'),
  '22007': invalid('INVALID_DATETIME_FORMAT'),
  '22008': invalid('DATETIME_OUT_OF_RANGE'),
  '22021': invalid('INVALID_BYTE_SEQUENCE'),
  '40001': unavailable('SERIALIZATION_FAILURE'),
  '40P01': unavailable('DEADLOCK'),
  '53300': unavailable('TOO_MANY_CONNECTIONS'),
  '57P01': unavailable('ADMIN_SHUTDOWN'),
};

/** Whole SQLSTATE classes: 08xxx is "connection exception". */
export const POSTGRES_CLASSES: Readonly<Record<string, DatabaseErrorRow>> = {
  '08': unavailable('CONNECTION_FAILURE'),
};

/** SQLite result codes by name (better-sqlite3, libsql, node-sqlite3). */
export const SQLITE_CODES: Readonly<Record<string, DatabaseErrorRow>> = {
  SQLITE_CONSTRAINT_UNIQUE: conflict('UNIQUE_VIOLATION'),
  SQLITE_CONSTRAINT_PRIMARYKEY: conflict('UNIQUE_VIOLATION'),
  SQLITE_CONSTRAINT_FOREIGNKEY: conflict('FOREIGN_KEY_VIOLATION'),
  SQLITE_CONSTRAINT_NOTNULL: invalid('NOT_NULL_VIOLATION'),
  SQLITE_CONSTRAINT_CHECK: invalid('CHECK_VIOLATION'),
  // Without the extended code the kind of constraint is unknown; most are uniqueness clashes.
  SQLITE_CONSTRAINT: conflict('CONSTRAINT_VIOLATION'),
  SQLITE_BUSY: unavailable('DATABASE_BUSY'),
  SQLITE_LOCKED: unavailable('DATABASE_LOCKED'),
};

/** The same, by number (node:sqlite `errcode`, libsql `rawCode`, node-sqlite3 `errno`). */
export const SQLITE_RESULT_CODES: Readonly<Record<number, string>> = {
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  19: 'SQLITE_CONSTRAINT',
  275: 'SQLITE_CONSTRAINT_CHECK',
  787: 'SQLITE_CONSTRAINT_FOREIGNKEY',
  1299: 'SQLITE_CONSTRAINT_NOTNULL',
  1555: 'SQLITE_CONSTRAINT_PRIMARYKEY',
  2067: 'SQLITE_CONSTRAINT_UNIQUE',
};

/** Node socket errors from any driver: the database is unreachable. */
export const NODE_CODES: Readonly<Record<string, DatabaseErrorRow>> = {
  ECONNREFUSED: unavailable('CONNECTION_FAILURE'),
  ECONNRESET: unavailable('CONNECTION_FAILURE'),
};

/** pg's own fixed messages for a lost connection (it sets no code on these). */
export const PG_CONNECTION_MESSAGES: readonly string[] = [
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  // pg-pool's connectionTimeoutMillis and pg's query_timeout: a server that accepts but never answers
  'timeout exceeded when trying to connect',
  'Query read timeout',
];

/** The whole table, for tests and docs. */
export const DATABASE_ERROR_TABLE = {
  postgres: POSTGRES_SQLSTATES,
  postgresClasses: POSTGRES_CLASSES,
  sqlite: SQLITE_CODES,
  sqliteResultCodes: SQLITE_RESULT_CODES,
  node: NODE_CODES,
  pgConnectionMessages: PG_CONNECTION_MESSAGES,
} as const;

/** ORMs (drizzle, kysely, knex) wrap driver errors; the driver error is a few `cause`s down. */
const MAX_CAUSES = 4;

/** The fields drivers put their codes in (pg: `code`; SQLite drivers: the others). */
interface DriverError {
  code?: unknown;
  extendedCode?: unknown;
  errcode?: unknown;
  rawCode?: unknown;
  errno?: unknown;
}

export function mapDatabaseError(err: unknown): DatabaseErrorMapping | undefined {
  let current: unknown = err;
  for (let i = 0; i <= MAX_CAUSES && current !== null && typeof current === 'object'; i++) {
    const row = rowFor(current as DriverError);
    if (row)
      return row.retryAfter === undefined
        ? { status: row.status, code: row.code }
        : { status: row.status, code: row.code, retryAfter: row.retryAfter };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function rowFor(e: DriverError): DatabaseErrorRow | undefined {
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined) {
    const sqlite = sqliteRow(e, code);
    if (sqlite) return sqlite;
    if (/^[0-9A-Z]{5}$/.test(code)) return own(POSTGRES_SQLSTATES, code) ?? own(POSTGRES_CLASSES, code.slice(0, 2));
    return own(NODE_CODES, code);
  }
  if (e instanceof Error && PG_CONNECTION_MESSAGES.includes(e.message)) return own(POSTGRES_CLASSES, '08');
  return undefined;
}

/** The most specific SQLite code available: extended name, extended number, then the basic code. */
function sqliteRow(e: DriverError, code: string): DatabaseErrorRow | undefined {
  if (!code.startsWith('SQLITE') && code !== 'ERR_SQLITE_ERROR') return undefined;
  const names = [e.extendedCode, numbered(e.errcode), numbered(e.rawCode), numbered(e.errno), code].filter(
    (n): n is string => typeof n === 'string',
  );
  const specific = names.find((n) => n !== 'SQLITE_CONSTRAINT' && own(SQLITE_CODES, n));
  return own(SQLITE_CODES, specific ?? names.find((n) => own(SQLITE_CODES, n)) ?? '');
}

function numbered(value: unknown): string | undefined {
  return typeof value === 'number' ? own(SQLITE_RESULT_CODES, value) : undefined;
}

/** Own properties only: a code such as 'constructor' must not reach Object.prototype. */
function own<T>(table: Readonly<Record<string | number, T>>, key: string | number): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

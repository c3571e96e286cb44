/**
 * mapDatabaseError: every row of the fixed table, the shapes drivers actually throw, and the
 * rule that the database's message text is never read or returned.
 */
import { describe, expect, it } from 'vitest';
import {
  DATABASE_ERROR_TABLE,
  NODE_CODES,
  PG_CONNECTION_MESSAGES,
  POSTGRES_SQLSTATES,
  SQLITE_CODES,
  SQLITE_RESULT_CODES,
  mapDatabaseError,
} from '../../templates/runtime/db-errors.js';

/** What pg, postgres.js and PGlite throw: an Error with `code` and a server message. */
const pgError = (code: string) =>
  Object.assign(new Error('duplicate key value violates unique constraint "users_email_key" (email)=(a@b.c)'), { code });
const retry = { retryAfter: 1 };

const POSTGRES: [string, { given: string; want: object }][] = [
  ['unique violation', { given: '23505', want: { status: 409, code: 'UNIQUE_VIOLATION' } }],
  ['foreign key violation', { given: '23503', want: { status: 409, code: 'FOREIGN_KEY_VIOLATION' } }],
  ['not null violation', { given: '23502', want: { status: 400, code: 'NOT_NULL_VIOLATION' } }],
  ['check violation', { given: '23514', want: { status: 400, code: 'CHECK_VIOLATION' } }],
  ['invalid text representation', { given: '22P02', want: { status: 400, code: 'INVALID_TEXT_REPRESENTATION' } }],
  ['string too long', { given: '22001', want: { status: 400, code: 'STRING_TOO_LONG' } }],
  ['numeric out of range', { given: '22003', want: { status: 400, code: 'NUMERIC_OUT_OF_RANGE' } }],
  ['invalid datetime format', { given: '22007', want: { status: 400, code: 'INVALID_DATETIME_FORMAT' } }],
  ['datetime out of range', { given: '22008', want: { status: 400, code: 'DATETIME_OUT_OF_RANGE' } }],
  ['invalid byte sequence', { given: '22021', want: { status: 400, code: 'INVALID_BYTE_SEQUENCE' } }],
  ['serialization failure', { given: '40001', want: { status: 503, code: 'SERIALIZATION_FAILURE', ...retry } }],
  ['deadlock', { given: '40P01', want: { status: 503, code: 'DEADLOCK', ...retry } }],
  ['too many connections', { given: '53300', want: { status: 503, code: 'TOO_MANY_CONNECTIONS', ...retry } }],
  ['admin shutdown', { given: '57P01', want: { status: 503, code: 'ADMIN_SHUTDOWN', ...retry } }],
  ['connection exception 08000', { given: '08000', want: { status: 503, code: 'CONNECTION_FAILURE', ...retry } }],
  ['connection failure 08006', { given: '08006', want: { status: 503, code: 'CONNECTION_FAILURE', ...retry } }],
  ['unable to connect 08001', { given: '08001', want: { status: 503, code: 'CONNECTION_FAILURE', ...retry } }],
];

const SQLITE: [string, { given: Record<string, unknown>; want: object | undefined }][] = [
  ['better-sqlite3 unique', { given: { code: 'SQLITE_CONSTRAINT_UNIQUE' }, want: { status: 409, code: 'UNIQUE_VIOLATION' } }],
  ['better-sqlite3 primary key', { given: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }, want: { status: 409, code: 'UNIQUE_VIOLATION' } }],
  ['better-sqlite3 foreign key', { given: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, want: { status: 409, code: 'FOREIGN_KEY_VIOLATION' } }],
  ['better-sqlite3 not null', { given: { code: 'SQLITE_CONSTRAINT_NOTNULL' }, want: { status: 400, code: 'NOT_NULL_VIOLATION' } }],
  ['better-sqlite3 check', { given: { code: 'SQLITE_CONSTRAINT_CHECK' }, want: { status: 400, code: 'CHECK_VIOLATION' } }],
  ['busy', { given: { code: 'SQLITE_BUSY' }, want: { status: 503, code: 'DATABASE_BUSY', ...retry } }],
  ['locked', { given: { code: 'SQLITE_LOCKED' }, want: { status: 503, code: 'DATABASE_LOCKED', ...retry } }],
  [
    'node-sqlite3 basic constraint',
    { given: { code: 'SQLITE_CONSTRAINT', errno: 19 }, want: { status: 409, code: 'CONSTRAINT_VIOLATION' } },
  ],
  [
    'basic code with extended errno',
    { given: { code: 'SQLITE_CONSTRAINT', errno: 1299 }, want: { status: 400, code: 'NOT_NULL_VIOLATION' } },
  ],
  [
    'libsql extendedCode',
    {
      given: { code: 'SQLITE_CONSTRAINT', extendedCode: 'SQLITE_CONSTRAINT_CHECK', rawCode: 275 },
      want: { status: 400, code: 'CHECK_VIOLATION' },
    },
  ],
  ['libsql rawCode only', { given: { code: 'SQLITE_CONSTRAINT', rawCode: 787 }, want: { status: 409, code: 'FOREIGN_KEY_VIOLATION' } }],
  ['node:sqlite errcode', { given: { code: 'ERR_SQLITE_ERROR', errcode: 2067 }, want: { status: 409, code: 'UNIQUE_VIOLATION' } }],
  ['node:sqlite busy', { given: { code: 'ERR_SQLITE_ERROR', errcode: 5 }, want: { status: 503, code: 'DATABASE_BUSY', ...retry } }],
  ['other sqlite code', { given: { code: 'SQLITE_IOERR' }, want: undefined }],
];

const OTHER: [string, { given: unknown; want: object | undefined }][] = [
  [
    'ECONNREFUSED',
    {
      given: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111 }),
      want: { status: 503, code: 'CONNECTION_FAILURE', ...retry },
    },
  ],
  [
    'ECONNRESET',
    {
      given: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      want: { status: 503, code: 'CONNECTION_FAILURE', ...retry },
    },
  ],
  ...PG_CONNECTION_MESSAGES.map((m): [string, { given: unknown; want: object }] => [
    `pg: ${m}`,
    { given: new Error(m), want: { status: 503, code: 'CONNECTION_FAILURE', ...retry } },
  ]),
  [
    'wrapped by an ORM (cause)',
    { given: new Error('Failed query', { cause: pgError('23505') }), want: { status: 409, code: 'UNIQUE_VIOLATION' } },
  ],
  ['unknown SQLSTATE', { given: pgError('42P01'), want: undefined }],
  ['plain Error', { given: new Error('boom'), want: undefined }],
  ['message that merely mentions a connection', { given: new Error('Connection terminated by user 42'), want: undefined }],
  ['code on Object.prototype', { given: { code: 'constructor' }, want: undefined }],
  ['numeric code', { given: { code: 23505 }, want: undefined }],
  ['null', { given: null, want: undefined }],
  ['string', { given: '23505', want: undefined }],
  ['errno 5 outside SQLite', { given: { code: 'EIO', errno: 5 }, want: undefined }],
  [
    'cause loop',
    {
      given: (() => {
        const e: { cause?: unknown } = {};
        e.cause = e;
        return e;
      })(),
      want: undefined,
    },
  ],
];

describe('mapDatabaseError', () => {
  it.each(POSTGRES)('postgres %s', (_name, { given, want }) => {
    expect(mapDatabaseError(pgError(given))).toEqual(want);
  });
  it.each(SQLITE)('sqlite %s', (_name, { given, want }) => {
    expect(mapDatabaseError(Object.assign(new Error('UNIQUE constraint failed: users.email'), given))).toEqual(want);
  });
  it.each(OTHER)('%s', (_name, { given, want }) => {
    expect(mapDatabaseError(given)).toEqual(want);
  });

  it('never returns the message', () => {
    const mapped = mapDatabaseError(pgError('23505'));
    expect(JSON.stringify(mapped)).not.toMatch(/users_email_key|a@b\.c/);
  });
});

describe('the table', () => {
  it('covers every SQLSTATE row in the tests', () => {
    expect(Object.keys(POSTGRES_SQLSTATES).sort()).toEqual(
      POSTGRES.map(([, c]) => c.given)
        .filter((c) => !c.startsWith('08'))
        .sort(),
    );
  });
  it('maps every named SQLite code and result number', () => {
    for (const name of Object.keys(SQLITE_CODES))
      expect(mapDatabaseError({ code: name })).toEqual(expect.objectContaining(SQLITE_CODES[name]));
    for (const name of Object.values(SQLITE_RESULT_CODES)) expect(SQLITE_CODES[name]).toBeDefined();
  });
  it('uses stable SCREAMING_SNAKE codes and only 400/409/503', () => {
    const rows = [
      ...Object.values(POSTGRES_SQLSTATES),
      ...Object.values(DATABASE_ERROR_TABLE.postgresClasses),
      ...Object.values(SQLITE_CODES),
      ...Object.values(NODE_CODES),
    ];
    for (const row of rows) {
      expect(row.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect([400, 409, 503]).toContain(row.status);
      expect(row.retryAfter !== undefined).toBe(row.status === 503);
    }
  });
});

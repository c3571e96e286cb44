/**
 * The database module shared by the example services (output/users, output/things). Starting and
 * stopping the HTTP server, and the request log, are in ../http.
 */
export type { Database, Queryable, Migration, Isolation } from './types.js';
export { openDatabase, databaseUrlFor, describeDatabaseUrl, type OpenOptions } from './connect.js';
export { migrate } from './migrate.js';
export { attachDatabase, databaseOf } from './express.js';
export { DatabaseUnavailableError } from './unavailable.js';
export { PgliteDatabase } from './pglite.js';
export { PgDatabase } from './pg.js';
export { lazyDatabase } from './lazy.js';

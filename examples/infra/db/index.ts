/** The database module shared by the example services (examples/users, examples/things). */
export type { Database, Queryable, Migration, Isolation } from './types.js';
export { openDatabase, databaseUrlFor, describeDatabaseUrl, type OpenOptions } from './connect.js';
export { migrate } from './migrate.js';
export { attachDatabase, databaseOf } from './express.js';
export { DatabaseUnavailableError } from './unavailable.js';
export { PgliteDatabase } from './pglite.js';
export { PgDatabase } from './pg.js';
export { serve, shutdown, type ServeLogger } from './serve.js';
export { logRequests } from './access-log.js';
export { lazyDatabase } from './lazy.js';

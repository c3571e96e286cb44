import { createApp } from './app.js';
import { clientErrorHandler, createLogger } from './generated/runtime/index.js';
import { contract } from './generated/contract.gen.js';
import { databaseUrlFor, describeDatabaseUrl, openDatabase, type Database } from '../infra/db/index.js';
import { serve } from '../infra/http/serve.js';
import { usersMigrations } from '../infra/db/migrations/users.js';

/**
 * Serves Users on PORT (default 8000; 0 picks a free port) and HOST (default every address).
 * DATABASE_URL chooses the database: unset keeps PGlite data in ./data/users, memory:// keeps it in memory, postgres://… uses a
 * server. SIGTERM/SIGINT: stop accepting, drain, close the database (see ../infra/http/serve.ts). Yours to edit.
 */
const logger = createLogger();
const url = databaseUrlFor('users');
const onWarning = (message: string, err?: unknown) => logger.warn({ err }, message);

let database: Database;
try {
  database = await openDatabase({ service: 'users', migrations: usersMigrations, url, onWarning });
} catch (err) {
  // Fail fast at start: a supervisor restarts us, and nobody is told "ready" by a broken service.
  logger.error({ err, database: describeDatabaseUrl(url) }, 'cannot open the database');
  process.exit(1);
}
logger.info({ database: describeDatabaseUrl(url) }, 'database ready');
const server = serve({ app: createApp({ database, logger }), db: database, host: process.env.HOST || undefined, port: Number(process.env.PORT ?? 8000), logger });
// Requests Node's HTTP parser rejects get the service-level error body instead of a bare 400.
server.on('clientError', clientErrorHandler(contract, logger));

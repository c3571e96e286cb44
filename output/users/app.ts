import express from 'express';
import { apiSpec, createRouter } from './generated/router.gen.js';
import { handlers } from './generated/registry.gen.js';
import type { Handlers } from './generated/handlers.gen.js';
import type { Verifiers } from './generated/security.gen.js';
import { security } from './security.js';
import { createLogger, type RouterOptions } from './generated/runtime/index.js';
import { attachDatabase, lazyDatabase, openDatabase, type Database } from '../infra/db/index.js';
import { logRequests } from '../infra/http/access-log.js';
import { usersMigrations } from '../infra/db/migrations/users.js';
import { docsRouter } from '../infra/docs/swagger-ui.js';

export interface AppOptions extends Omit<RouterOptions, 'security'> {
  /** Replace some handlers, e.g. in tests. */
  handlers?: Partial<Handlers>;
  /**
   * The database the handlers use; server.ts opens it from DATABASE_URL. Without one, the app gets
   * a private in-memory PGlite opened on first use, so `createApp().listen(0)` just works in tests.
   */
  database?: Database;
  /** Replace some verifiers, e.g. in tests. */
  security?: Partial<Verifiers>;
}

/** Builds the Express app of Users. Exported for tests: `createApp().listen(0)`. Yours to edit. */
export function createApp(options: AppOptions = {}) {
  const { handlers: overrides, database, security: verifiers, ...routerOptions } = options;
  const logger = routerOptions.logger ?? createLogger();
  const app = express();
  app.disable('x-powered-by');
  attachDatabase(app, database ?? lazyDatabase('pglite', () => openDatabase({ service: 'users', migrations: usersMigrations, url: 'memory://' })));
  app.use(logRequests(logger));
  // Before the generated router: it answers every path it does not know with a documented 404.
  app.use('/docs', docsRouter(apiSpec, 'Users'));
  app.use(createRouter({ ...handlers, ...overrides }, { ...routerOptions, logger, security: { ...security, ...verifiers } }));
  return app;
}

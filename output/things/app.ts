import express from 'express';
import { createRouter } from './generated/router.gen.js';
import { handlers } from './generated/registry.gen.js';
import type { Handlers } from './generated/handlers.gen.js';
import type { RouterOptions } from './generated/runtime/index.js';

export interface AppOptions extends RouterOptions {
  /** Replace some handlers, e.g. in tests. */
  handlers?: Partial<Handlers>;
}

/** Builds the Express app of Things. Exported for tests: `createApp().listen(0)`. Yours to edit. */
export function createApp(options: AppOptions = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.use(createRouter({ ...handlers, ...options.handlers }, options));
  return app;
}

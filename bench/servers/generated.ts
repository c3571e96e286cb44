/**
 * (a) The generated service: the router `faultline generate` emits (output/users/generated/router.gen.ts)
 * with in-memory handlers, mounted on a plain Express app the way the peer mounts its validator.
 * Compiled validation engine, response validation on, pino at its default level (it logs failures,
 * not requests); the bench starts it with NODE_ENV=production. The example app.ts adds
 * docs and a per-request access log of its own choosing; that is app code, not faultline's cost.
 */
import { serve } from './child.js';
import { userHandlers } from './handlers.js';

const started = performance.now();
const { default: express } = await import('express');
const { createRouter } = await import('../../output/users/generated/router.gen.js');
const handlers = userHandlers();

const app = express();
app.disable('x-powered-by');
// Response validation on explicitly: the bench runs NODE_ENV=production, and the promise is measured with it on.
// The benchmarked routes are public; the users spec's secured ones (/me) refuse every token here.
app.use(createRouter(handlers as never, { validateResponses: true, security: { basicAuth: () => null, bearerAuth: () => null } }));
serve(app, started);

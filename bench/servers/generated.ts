/**
 * (a) The generated service: the router `faultline generate` emits (output/users/generated/router.gen.ts)
 * with in-memory handlers, mounted on a plain Express app the way the peer mounts its validator.
 * Compiled validation engine, response validation on, pino at its default level (it logs failures,
 * not requests); the bench starts it with NODE_ENV=production. The example app.ts adds
 * docs and a per-request access log of its own choosing; that is app code, not faultline's cost.
 */
import { serve } from './child.js';
import { createStore } from './store.js';

const started = performance.now();
const { default: express } = await import('express');
const { createRouter } = await import('../../output/users/generated/router.gen.js');
const store = createStore();

type Input = { params: Record<string, any>; query: Record<string, any>; body: any };
const handlers = {
  listUsers: ({ query }: Input) => ({ status: 200 as const, body: store.list(query.limit, query.offset) }),
  createUser: ({ body }: Input) => {
    const user = store.create(body);
    return user ? { status: 201 as const, body: user } : { status: 409 as const, body: { detail: 'Username already taken' } };
  },
  getUser: ({ params }: Input) => {
    const user = store.get(params.username);
    return user ? { status: 200 as const, body: user } : { status: 404 as const, body: { detail: 'User not found' } };
  },
  updateUser: ({ params, body }: Input) => {
    const user = store.update(params.username, body);
    if (user === 'conflict') return { status: 409 as const, body: { detail: 'Username already taken' } };
    return user ? { status: 200 as const, body: user } : { status: 404 as const, body: { detail: 'User not found' } };
  },
  deleteUser: ({ params }: Input) => (store.remove(params.username) ? { status: 204 as const } : { status: 404 as const, body: { detail: 'User not found' } }),
};

const app = express();
app.disable('x-powered-by');
// Response validation on explicitly: the bench runs NODE_ENV=production, and the promise is measured with it on.
app.use(createRouter(handlers as never, { validateResponses: true }));
serve(app, started);

/**
 * (a) The generated service: output/users's createApp with in-memory handlers. Defaults as shipped:
 * response validation on (NODE_ENV is not 'production'), pino at its default level.
 */
import { serve } from './child.js';
import { createStore } from './store.js';

const started = performance.now();
const { createApp } = await import('../../output/users/app.js');
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

serve(createApp({ handlers: handlers as never }), started);

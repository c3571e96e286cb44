/** In-memory handlers of the users service, shared by the Express and Fastify generated servers (one handler API for both). */
import { createStore } from './store.js';

type Input = { params: Record<string, any>; query: Record<string, any>; body: any };

export function userHandlers(store = createStore()) {
  return {
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
    deleteUser: ({ params }: Input) =>
      store.remove(params.username) ? { status: 204 as const } : { status: 404 as const, body: { detail: 'User not found' } },
  };
}

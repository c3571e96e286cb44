/** In-memory handlers for the example services, for runtime tests that need no database. */
import type { Handlers as UserHandlers } from '../../output/users/generated/handlers.gen.js';
import type { Handlers as ThingHandlers } from '../../output/things/generated/handlers.gen.js';
import { ConflictError, NotFoundError } from '../../output/users/generated/errors.gen.js';
import { NotFoundError as ThingNotFound } from '../../output/things/generated/errors.gen.js';

export function memoryUsers(): Partial<UserHandlers> {
  const users = new Map<string, { id: number; email: string; dept: string; name: string; username: string; created_at: string }>();
  let next = 1;
  return {
    createUser: async ({ body }) => {
      if (users.has(body.username)) throw new ConflictError('Username already taken');
      const { password: _secret, ...rest } = body;
      const user = { id: next++, ...rest, created_at: new Date().toISOString() };
      users.set(body.username, user);
      return { status: 201, body: user };
    },
    listUsers: async ({ query }) => ({
      status: 200,
      body: [...users.values()].slice(query.offset ?? 0, (query.offset ?? 0) + (query.limit ?? 20)),
    }),
    getUser: async ({ params }) => {
      const user = users.get(params.username);
      if (!user) throw new NotFoundError(`No user named ${params.username}`);
      return { status: 200, body: user };
    },
    deleteUser: async ({ params }) => {
      if (!users.delete(params.username)) throw new NotFoundError('No such user');
      return { status: 204 };
    },
  };
}

export function memoryThings(): Partial<ThingHandlers> {
  const things = new Map<
    number,
    { thing_id: number; name: string; description: string; rating_out_of_five: number; votes: number; created_at: string }
  >();
  let next = 1;
  const find = (id: number) => {
    const thing = things.get(id);
    if (!thing) throw new ThingNotFound({ detail: `No thing has id ${id}.` });
    return thing;
  };
  return {
    createThing: async ({ body }) => {
      const thing = { thing_id: next++, ...body, votes: 0, created_at: new Date().toISOString() };
      things.set(thing.thing_id, thing);
      return { status: 201, body: thing };
    },
    listThings: async () => ({ status: 200, body: [...things.values()] }),
    getThing: async ({ params }) => ({ status: 200, body: find(params.thing_id) }),
    voteThing: async ({ params, body }) => {
      const thing = find(params.thing_id);
      thing.votes += body.increase_votes_by;
      return { status: 200, body: thing };
    },
    deleteThing: async ({ params }) => {
      find(params.thing_id);
      things.delete(params.thing_id);
      return { status: 204 };
    },
  };
}

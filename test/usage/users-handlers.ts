/**
 * Compile-time contract, checked by `tsc --noEmit -p .` (test/generate/compile.test.ts): handlers may
 * return exactly the documented responses, with typed params and bodies. Each @ts-expect-error marks
 * a line that must NOT compile; if it ever compiles, tsc fails on the unused directive.
 */
import type { Handlers, GetUserResult, CreateUserResult } from '../../output/users/generated/handlers.gen.js';
import { ConflictError, NotFoundError, HttpError } from '../../output/users/generated/errors.gen.js';

export const getUser: Handlers['getUser'] = async ({ params }): Promise<GetUserResult> => {
  const name: string = params.username;
  if (name === 'teapot') {
    // @ts-expect-error 418 is not a documented status of GET /user/{username}
    return { status: 418, body: { detail: 'short and stout' } };
  }
  if (name === 'wrong-body') {
    // @ts-expect-error a 404 body must be the documented HTTPError shape
    return { status: 404, body: { message: 'nope' } };
  }
  if (name === 'ghost') throw new NotFoundError('No such user');
  return { status: 200, body: { id: 1, email: 'a@b.co', dept: 'd', name, username: name, created_at: '2024-01-01T00:00:00Z' } };
};

export const createUser: Handlers['createUser'] = async ({ body }): Promise<CreateUserResult> => {
  // @ts-expect-error the request body has no `id`
  void body.id;
  if (body.username === 'taken') throw new ConflictError('Username already taken');
  // typed body form of an error class
  if (body.username === 'typed') throw new ConflictError({ body: { detail: 'Username already taken' } });
  // @ts-expect-error the typed body must match the documented schema
  if (body.username === 'bad-typed') throw new ConflictError({ body: { error: 'x' } });
  if (body.username === 'any-status') throw new HttpError(429, 'slow down');
  return {
    status: 201,
    body: { id: 2, email: body.email, dept: body.dept, name: body.name, username: body.username, created_at: '2024-01-01T00:00:00Z' },
  };
};

export const listUsers: Handlers['listUsers'] = async ({ query }) => {
  const limit: number | undefined = query.limit;
  // @ts-expect-error unknown query parameter
  void query.search;
  return { status: 200, body: [], headers: { 'X-Limit': String(limit ?? 20) } };
};

/** input.fail: exactly the documented error statuses of the operation, with its body's fields. */
export const updateUser: Handlers['updateUser'] = async ({ params, fail }) => {
  if (params.username === 'ghost') return fail(404, 'No such user');
  if (params.username === 'taken') return fail(409, 'Username already taken', { detail: 'Username already taken' });
  if (params.username === 'busy') return fail(503, 'Try again', undefined, { headers: { 'Retry-After': '1' } });
  // @ts-expect-error PATCH /user/{username} documents no 418
  if (params.username === 'teapot') return fail(418, 'short and stout');
  // @ts-expect-error `message` is not a field of the documented HTTPError body
  if (params.username === 'field') return fail(404, 'No such user', { message: 'x' });
  const status: number = 404;
  // @ts-expect-error a plain number could be any status
  if (params.username === 'number') return fail(status);
  return {
    status: 200,
    body: { id: 1, email: 'a@b.co', dept: 'd', name: 'n', username: params.username, created_at: '2024-01-01T00:00:00Z' },
  };
};

export const deleteUser: Handlers['deleteUser'] = async ({ fail }) => {
  // @ts-expect-error DELETE /user/{username} documents no 409
  if (Date.now() < 0) return fail(409);
  return { status: 204 };
};

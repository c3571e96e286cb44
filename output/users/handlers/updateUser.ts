import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { hashPassword } from '../../infra/db/password.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../infra/db/users.js';

/**
 * PATCH /user/{username}: Update a user
 * Column names come from this fixed list, never from the request; values are parameters.
 * Renaming onto a taken username: the guard answers 409, and a racing rename hits the UNIQUE
 * constraint (23505), which the runtime also answers with the documented 409.
 */
const COLUMNS = ['email', 'dept', 'name', 'username'] as const;

export const updateUser: Handlers['updateUser'] = async ({ params, body, req, fail }) => {
  const db = databaseOf(req);
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const column of COLUMNS) {
    if (body[column] === undefined) continue;
    values.push(body[column]);
    sets.push(`${column} = $${values.length}`);
  }
  if (body.password !== undefined) {
    values.push(await hashPassword(body.password));
    sets.push(`password_hash = $${values.length}`);
  }
  if (body.username !== undefined && body.username !== params.username) {
    const taken = await db.query('SELECT 1 FROM users WHERE username = $1', [body.username]);
    if (taken.length > 0) return fail(409, 'Username already taken');
  }
  values.push(params.username);
  const [row] = await db.query<UserRow>(`UPDATE users SET ${sets.join(', ')} WHERE username = $${values.length} RETURNING ${USER_COLUMNS}`, values);
  if (!row) return fail(404, 'No user has this username');
  return { status: 200, body: toUser(row) };
};

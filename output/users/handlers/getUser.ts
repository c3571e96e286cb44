import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../infra/db/users.js';

/** GET /user/{username}: Get a user */
export const getUser: Handlers['getUser'] = async ({ params, req, fail }) => {
  const [row] = await databaseOf(req).query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [params.username]);
  if (!row) return fail(404, 'No user has this username');
  return { status: 200, body: toUser(row) };
};

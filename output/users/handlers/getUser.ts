import type { Handlers } from '../generated/handlers.gen.js';
import { NotFoundError } from '../generated/errors.gen.js';
import { databaseOf } from '../../db/index.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../db/users.js';

/** GET /user/{username}: Get a user */
export const getUser: Handlers['getUser'] = async ({ params, req }) => {
  const [row] = await databaseOf(req).query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [params.username]);
  if (!row) throw new NotFoundError('No user has this username');
  return { status: 200, body: toUser(row) };
};

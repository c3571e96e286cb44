import type { Handlers } from '../generated/handlers.gen.js';
import { HttpError } from '../generated/runtime/index.js';
import { databaseOf } from '../../infra/db/index.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../infra/db/users.js';

/** GET /me: the user of the bearer token. Only reached with a valid token that has users:read. */
export const getMe: Handlers['getMe'] = async ({ auth, req }) => {
  const [row] = await databaseOf(req).query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [auth.principals.bearerAuth.userId]);
  // deleted between the token check and this query: the token is no longer valid
  if (!row) throw new HttpError(401, { detail: 'The token is no longer valid.', headers: { 'WWW-Authenticate': 'Bearer realm="Users", error="invalid_token"' } });
  return { status: 200, body: toUser(row) };
};

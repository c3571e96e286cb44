import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../infra/db/users.js';

/** GET /me: the user of the bearer token. Only reached with a valid token that has users:read. */
export const getMe: Handlers['getMe'] = async ({ auth, req, fail }) => {
  const [row] = await databaseOf(req).query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [auth.principals.bearerAuth.userId]);
  // deleted between the token check and this query: the token is no longer valid
  if (!row)
    return fail(401, 'The token is no longer valid.', undefined, {
      headers: { 'WWW-Authenticate': 'Bearer realm="Users", error="invalid_token"' },
    });
  return { status: 200, body: toUser(row) };
};

import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';

/** DELETE /me: deletes the token's user; their tokens go with them (ON DELETE CASCADE). Needs users:write. */
export const deleteMe: Handlers['deleteMe'] = async ({ auth, req }) => {
  await databaseOf(req).query('DELETE FROM users WHERE id = $1', [auth.principals.bearerAuth.userId]);
  return { status: 204 };
};

import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';

/** DELETE /user/{username}: Delete a user */
export const deleteUser: Handlers['deleteUser'] = async ({ params, req, fail }) => {
  const rows = await databaseOf(req).query('DELETE FROM users WHERE username = $1 RETURNING id', [params.username]);
  if (rows.length === 0) return fail(404, 'No user has this username');
  return { status: 204 };
};

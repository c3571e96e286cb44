import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../infra/db/users.js';

/** GET /user/: List users, oldest first (the validator has applied the documented defaults). */
export const listUsers: Handlers['listUsers'] = async ({ query, req }) => {
  const rows = await databaseOf(req).query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id LIMIT $1 OFFSET $2`, [query.limit ?? 20, query.offset ?? 0]);
  return { status: 200, body: rows.map(toUser) };
};

import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { hashPassword } from '../../infra/db/password.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../infra/db/users.js';

/**
 * POST /user/: Create a user
 * The SELECT gives the usual duplicate its friendly 409. It is not what keeps usernames unique:
 * two requests can both pass it before either inserts. The UNIQUE constraint catches that race,
 * and the runtime turns its SQLSTATE 23505 into the same documented 409. No transaction on
 * purpose: holding one across the slow hash would serialise every signup on PGlite.
 */
export const createUser: Handlers['createUser'] = async ({ body, req, fail }) => {
  const db = databaseOf(req);
  const taken = await db.query('SELECT 1 FROM users WHERE username = $1', [body.username]);
  if (taken.length > 0) return fail(409, 'Username already taken');
  const passwordHash = await hashPassword(body.password);
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (username, email, dept, name, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
    [body.username, body.email, body.dept, body.name, passwordHash],
  );
  return { status: 201, body: toUser(row) };
};

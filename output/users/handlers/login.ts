import type { Handlers } from '../generated/handlers.gen.js';
import { HttpError } from '../generated/runtime/index.js';
import { databaseOf } from '../../db/index.js';
import { hashPassword, verifyPassword } from '../../db/password.js';
import { ALL_SCOPES, TOKEN_LIFETIME_SECONDS, issueToken } from '../../db/tokens.js';

/** Checked against when the username is unknown, so both failures take as long (no user enumeration). */
const dummyHash = hashPassword('not a password anybody has');

/**
 * POST /login: Log in and get a bearer token
 * A wrong username and a wrong password get the same documented 401.
 */
export const login: Handlers['login'] = async ({ body, req }) => {
  const db = databaseOf(req);
  const [row] = await db.query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM users WHERE username = $1', [body.username]);
  const ok = await verifyPassword(body.password, row?.password_hash ?? (await dummyHash));
  if (!row || !ok) throw new HttpError(401, { detail: 'Wrong username or password.' });
  const scopes = body.scope ? [...new Set(body.scope.split(' '))] : [...ALL_SCOPES];
  const token = await issueToken(db, Number(row.id), scopes);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope: scopes.join(' ') } };
};

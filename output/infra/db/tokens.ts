/**
 * Bearer tokens of the users example: 32 random bytes (base64url) handed out once by POST /login.
 * The database keeps only their SHA-256, so a lookup compares hashes the client cannot steer
 * byte by byte (no timing oracle on the token), and a leaked table grants nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './types.js';

export const ALL_SCOPES = ['users:read', 'users:write'] as const;
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Who a valid token belongs to and what it may do: the principal the bearerAuth verifier returns. */
export interface Session {
  userId: number;
  username: string;
  scopes: string[];
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(db: Queryable, userId: number, scopes: readonly string[]): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO tokens (token_hash, user_id, scopes, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`, [digest(token), userId, scopes.join(' '), TOKEN_LIFETIME_SECONDS]);
  return token;
}

/** The session of an unexpired token, or null. */
export async function findSession(db: Queryable, token: string): Promise<Session | null> {
  const rows = await db.query<{ user_id: number; username: string; scopes: string }>(
    'SELECT t.user_id, u.username, t.scopes FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.expires_at > now()',
    [digest(token)],
  );
  if (rows.length === 0) return null;
  return { userId: Number(rows[0].user_id), username: rows[0].username, scopes: rows[0].scopes.split(' ').filter(Boolean) };
}

import type { Verifiers } from './generated/security.gen.js';
import { findSession, type Session } from '../infra/db/tokens.js';
import { hashPassword, verifyPassword } from '../infra/db/password.js';
import { databaseOf } from '../infra/db/index.js';

/** What each verifier returns, as handlers see it in `input.auth.principals`. */
declare module './generated/security.gen.js' {
  interface Principals {
    basicAuth: { userId: number; username: string };
    bearerAuth: Session;
  }
}

/** Checked against when the username is unknown, so both failures take as long (no user enumeration). */
const dummyHash = hashPassword('not a password anybody has');

/**
 * The verifiers of Users. null answers the documented 401; a database outage throws (the documented
 * 503/500). The session's `scopes` are what faultline checks each operation's scopes against (403).
 */
export const security: Verifiers = {
  basicAuth: async ({ username, password }, { req }) => {
    const [row] = await databaseOf(req).query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM users WHERE username = $1', [username]);
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
    return row && ok ? { userId: Number(row.id), username } : null;
  },
  // tokens are stored as SHA-256 digests, so the lookup compares hashes (no timing oracle on the token)
  bearerAuth: (token, { req }) => findSession(databaseOf(req), token),
};

import type { Verifiers } from './generated/security.gen.js';
import type { Session } from '../db/tokens.js';
import { findSession } from '../db/tokens.js';
import { databaseOf } from '../db/index.js';

/** The principal of bearerAuth, as handlers see it in `input.auth.principals.bearerAuth`. */
declare module './generated/security.gen.js' {
  interface Principals {
    bearerAuth: Session;
  }
}

/**
 * The verifiers of Users. bearerAuth looks the token up in the database: unknown or expired -> null
 * (the documented 401). The session's `scopes` are what faultline checks each operation's scopes
 * against (403 when one is missing). A database outage throws: the documented 503/500.
 */
export const security: Verifiers = {
  bearerAuth: (token, { req }) => findSession(databaseOf(req), token),
};

import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { ALL_SCOPES, TOKEN_LIFETIME_SECONDS, issueToken } from '../../infra/db/tokens.js';

/**
 * POST /login: only reached when the basicAuth verifier (security.ts) accepted the username and
 * password; a wrong one of either is the runtime's documented 401 with a Basic challenge.
 */
export const login: Handlers['login'] = async ({ auth, query, req }) => {
  const scopes = query.scope ? [...new Set(query.scope.split(' '))] : [...ALL_SCOPES];
  const token = await issueToken(databaseOf(req), auth.principals.basicAuth.userId, scopes);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope: scopes.join(' ') } };
};

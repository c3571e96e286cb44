/**
 * WWW-Authenticate (RFC 9110 11.6.1) built from the schemes of the operation: one challenge per
 * distinct auth-scheme. Bearer carries RFC 6750's `error` only when a credential was presented.
 * apiKey and mutualTLS have no HTTP challenge. Nothing of the request goes into the header.
 */
import type { SecurityRequirementContract, SecuritySchemeContract } from './types.js';

export type ChallengeReason = 'missing' | 'invalid' | 'insufficient_scope';

export function buildChallenge(
  requirements: SecurityRequirementContract[],
  schemes: Record<string, SecuritySchemeContract>,
  realm: string,
  reason: ChallengeReason,
  scopes: readonly string[] = [],
): string | undefined {
  const seen = new Set<string>();
  const parts: string[] = [];
  const quotedRealm = `realm="${quoted(realm)}"`;
  for (const requirement of requirements) {
    for (const { scheme: name } of requirement) {
      const scheme = schemes[name];
      const authScheme = scheme ? challengeScheme(scheme) : undefined;
      if (!authScheme || seen.has(authScheme)) continue;
      seen.add(authScheme);
      const params = [quotedRealm];
      if (authScheme === 'Bearer' && reason === 'invalid') params.push('error="invalid_token"');
      if (authScheme === 'Bearer' && reason === 'insufficient_scope') {
        params.push('error="insufficient_scope"');
        if (scopes.length) params.push(`scope="${quoted(scopes.join(' '))}"`);
      }
      if (authScheme === 'Basic') params.push('charset="UTF-8"');
      parts.push(`${authScheme} ${params.join(', ')}`);
    }
  }
  return parts.length ? parts.join(', ') : undefined;
}

function challengeScheme(scheme: SecuritySchemeContract): string | undefined {
  if (scheme.kind === 'oauth2' || scheme.kind === 'openIdConnect') return 'Bearer';
  if (scheme.kind !== 'http') return undefined;
  // the scheme is a token (checked at generation); capitalised as registered schemes are written
  return scheme.scheme.charAt(0).toUpperCase() + scheme.scheme.slice(1);
}

/** A quoted-string of printable ASCII: spec text cannot break the header (CR/LF, quotes, non-ASCII dropped). */
function quoted(text: string): string {
  return text
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .slice(0, 200);
}

/** WWW-Authenticate built from an operation's schemes (templates/runtime/security/challenge.ts), table-driven. */
import { describe, expect, it } from 'vitest';
import { buildChallenge } from '../../templates/runtime/security/challenge.js';
import type { SecuritySchemeContract } from '../../templates/runtime/security/types.js';

const schemes: Record<string, SecuritySchemeContract> = {
  bearer: { kind: 'http', scheme: 'bearer' },
  basic: { kind: 'http', scheme: 'basic' },
  digest: { kind: 'http', scheme: 'digest' },
  oauth: { kind: 'oauth2' },
  oidc: { kind: 'openIdConnect' },
  key: { kind: 'apiKey', in: 'header', name: 'X-Key' },
  mtls: { kind: 'mutualTLS' },
};
const req = (...names: string[][]) => names.map((alt) => alt.map((scheme) => ({ scheme, scopes: [] })));

describe('buildChallenge', () => {
  it.each<[string, { given: Parameters<typeof buildChallenge>; want: string | undefined }]>([
    ['missing bearer: no error code', { given: [req(['bearer']), schemes, 'API', 'missing'], want: 'Bearer realm="API"' }],
    ['invalid bearer', { given: [req(['bearer']), schemes, 'API', 'invalid'], want: 'Bearer realm="API", error="invalid_token"' }],
    [
      'bearer, oauth2 and oidc share one Bearer challenge',
      { given: [req(['bearer'], ['oauth'], ['oidc']), schemes, 'API', 'missing'], want: 'Bearer realm="API"' },
    ],
    [
      'one challenge per scheme, in order',
      {
        given: [req(['basic', 'key'], ['digest']), schemes, 'API', 'missing'],
        want: 'Basic realm="API", charset="UTF-8", Digest realm="API"',
      },
    ],
    ['apiKey and mutualTLS have none', { given: [req(['key'], ['mtls']), schemes, 'API', 'missing'], want: undefined }],
    [
      'insufficient scope names the scopes',
      {
        given: [req(['oauth']), schemes, 'API', 'insufficient_scope', ['a', 'b']],
        want: 'Bearer realm="API", error="insufficient_scope", scope="a b"',
      },
    ],
    [
      'a title cannot break the header',
      { given: [req(['bearer']), schemes, 'My "API"\r\nX-Evil: 1\u2028é', 'missing'], want: 'Bearer realm="My APIX-Evil: 1"' },
    ],
    ['unknown scheme names are skipped', { given: [req(['nope']), schemes, 'API', 'missing'], want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(buildChallenge(...given)).toBe(want);
  });
});

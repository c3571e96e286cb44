/**
 * `verify` on the users example's secured operations (POST /login, GET /me, DELETE /me) with its
 * real verifiers, with the bearer verifier missing (only possible through `any`: the runtime answers
 * 500 when a token arrives for it) and with one that accepts anything. Only the last two have findings,
 * and they are exactly the secured_rejects_unauthenticated ones.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { verify } from '../../generator/verify/index.js';
import { createApp } from '../../output/users/app.js';
import { createLogger } from '../../output/users/generated/runtime/index.js';
import { serve } from '../verify/serve.js';

const full = loadSpec('specs/users.yaml').document!;
const paths = full.paths as Record<string, unknown>;
const document = { ...full, paths: { '/login': paths['/login'], '/me': paths['/me'] } };

describe('verify probes secured operations', () => {
  it.each([
    ['the real verifiers', {}, []],
    [
      'no bearer verifier',
      { bearerAuth: undefined },
      [
        'secured_rejects_unauthenticated DELETE /me 500 well-formed but made-up credentials',
        'secured_rejects_unauthenticated GET /me 500 well-formed but made-up credentials',
      ],
    ],
    [
      'a bearer verifier that accepts anything',
      { bearerAuth: async () => ({ userId: 1, username: 'x', scopes: ['users:read', 'users:write'] }) },
      [
        'secured_rejects_unauthenticated DELETE /me 204 well-formed but made-up credentials',
        'secured_rejects_unauthenticated GET /me 200 well-formed but made-up credentials',
      ],
    ],
  ])(
    '%s',
    async (_name, security, want) => {
      const running = await serve(createApp({ logger: createLogger({ level: 'silent' }), security: security as never }));
      try {
        // opens the database (verify's first probes should not wait for it) and makes user 1 exist
        const created = await fetch(`${running.url}/user/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'pam@dm.com', dept: 'Reception', password: 'jimjim', name: 'Pam', username: 'pam' }),
        });
        expect(created.status).toBe(201);
        const report = await verify({ document, baseUrl: running.url, timeoutMs: 60_000, concurrency: 2 });
        const found = report.findings.map((f) => `${f.check} ${f.operation} ${f.status} ${f.probe.label}`).sort();
        expect(found, report.findings.map((f) => f.message).join('\n')).toEqual(want);
        // every secured operation got its valid request and the three credential probes
        for (const op of ['POST /login', 'GET /me', 'DELETE /me']) {
          expect(report.coverage.find((c) => c.operation === op)!.requests, op).toBeGreaterThanOrEqual(4);
        }
      } finally {
        await running.close();
      }
    },
    240_000,
  );
});

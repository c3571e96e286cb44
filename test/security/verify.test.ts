/**
 * `verify` on the users example's secured operations (POST /login, GET /me, DELETE /me) with its
 * real verifiers, with the bearer verifier missing (only possible through `any`: the runtime answers
 * 500 when a token arrives for it) and with one that accepts anything. Only the last two have findings,
 * and they are exactly the secured_rejects_unauthenticated ones. The same three cases run on the users
 * spec generated with `--target fastify` (in-memory handlers for the three operations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../generator/generate.js';
import { loadSpec } from '../../generator/load/index.js';
import { verify } from '../../generator/verify/index.js';
import { createApp as createUsersApp } from '../../output/users/app.js';
import { createLogger } from '../../output/users/generated/runtime/index.js';
import { serve } from '../verify/serve.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

const full = loadSpec('specs/users.yaml').document!;
const paths = full.paths as Record<string, unknown>;
const document = { ...full, paths: { '/login': paths['/login'], '/me': paths['/me'] } };

const CASES: [string, object, string[]][] = [
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
];

async function findings(url: string): Promise<string[]> {
  const report = await verify({ document, baseUrl: url, timeoutMs: 60_000, concurrency: 2 });
  // every secured operation got its valid request and the three credential probes
  for (const op of ['POST /login', 'GET /me', 'DELETE /me']) {
    expect(report.coverage.find((c) => c.operation === op)!.requests, op).toBeGreaterThanOrEqual(4);
  }
  return report.findings.map((f) => `${f.check} ${f.operation} ${f.status} ${f.probe.label}`).sort();
}

describe('verify probes secured operations (fastify)', () => {
  const dir = tempDir('security-verify-fastify');
  let createApp: (options: object) => Parameters<typeof listen>[0];
  beforeAll(async () => {
    const result = await generate({ input: 'specs/users.yaml', output: dir.path, cwd: REPO, client: false, target: 'fastify' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    ({ createApp } = await import(pathToFileURL(join(dir.path, 'app.ts')).href));
  }, 120_000);
  afterAll(() => dir.remove());

  const me = { id: 1, username: 'pam', email: 'pam@dm.com', dept: 'Reception', name: 'Pam', created_at: '2026-01-01T00:00:00Z' };
  // the scaffolded security.ts of a new service refuses every credential: that is "the real verifiers" here
  it.each(CASES)(
    '%s',
    async (_name, security, want) => {
      const app = createApp({
        logger: createLogger({ level: 'silent' }),
        security,
        handlers: {
          login: async () => ({ status: 200, body: { access_token: 't', token_type: 'Bearer', expires_in: 60, scope: 'users:read' } }),
          getMe: async () => ({ status: 200, body: me }),
          deleteMe: async () => ({ status: 204 }),
        },
      });
      const running = await listen(app);
      try {
        expect(await findings(running.base)).toEqual(want);
      } finally {
        await running.close();
      }
    },
    240_000,
  );
});

describe('verify probes secured operations (express, the users example on PGlite)', () => {
  it.each(CASES)(
    '%s',
    async (_name, security, want) => {
      const running = await serve(createUsersApp({ logger: createLogger({ level: 'silent' }), security: security as never }));
      try {
        // opens the database (verify's first probes should not wait for it) and makes user 1 exist
        const created = await fetch(`${running.url}/user/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'pam@dm.com', dept: 'Reception', password: 'jimjim', name: 'Pam', username: 'pam' }),
        });
        expect(created.status).toBe(201);
        expect(await findings(running.url)).toEqual(want);
      } finally {
        await running.close();
      }
    },
    240_000,
  );
});

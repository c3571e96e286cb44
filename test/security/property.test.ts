/**
 * Property: no request without valid credentials ever reaches a secured handler. Requests to the
 * fixture service mix valid secrets, near misses (right secret in the wrong place, wrong case in the
 * value, extra words), malformed values and random printable strings in the Authorization header,
 * the apiKey header, the query and the Cookie header. An independent oracle says, per operation,
 * whether the credentials satisfy its requirements (OR of ANDs); the handler must be reached exactly
 * then, and every refusal must be 401 or 403. Runs against both targets (Express and `--target fastify`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASIC_VALID, OPERATIONS, TARGETS, echoHandlers, fixtureVerifiers, generateFixture, raw, startFixture } from './support.js';

const printable = fc.string({
  minLength: 0,
  maxLength: 40,
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABC0123456789 :=;,+/._~-%"'.split('')),
});
const authorizationArb = fc.option(
  fc.oneof(
    fc.constantFrom(
      'Bearer good-bearer',
      'bearer good-bearer',
      'BEARER  good-bearer',
      BASIC_VALID,
      BASIC_VALID.toLowerCase(),
      'Bearer good-bearerx',
      'Bearer Good-bearer',
      'Bearer good-bearer extra',
      'Bearer',
      'Bearer ',
      'Basic',
      'Basic =',
      'Bearer hk',
      'Token good-bearer',
      'good-bearer',
      `Basic ${Buffer.from('aladdin:open sesame ').toString('base64')}`,
    ),
    printable.map((s) => `Bearer ${s}`),
    printable.map((s) => `Basic ${s}`),
    printable,
  ),
  { nil: undefined },
);
const keyArb = fc.option(fc.oneof(fc.constantFrom('hk', 'qk', 'ck', 'HK', 'hk ', 'good-bearer'), printable), { nil: undefined });

/** The oracle: what each scheme accepts, written from the spec and the fixture's secrets, not from the runtime. */
function accepted(req: { authorization?: string; headerKey?: string; queryKey?: string; cookieKey?: string }) {
  const auth = req.authorization?.trim();
  return {
    // auth-scheme names are case-insensitive (RFC 9110), tokens are not
    bearerAuth: auth !== undefined && /^bearer +/i.test(auth) && auth.replace(/^bearer +/i, '') === 'good-bearer',
    basicAuth: auth !== undefined && /^basic +/i.test(auth) && auth.replace(/^basic +/i, '') === BASIC_VALID.slice(6),
    headerKey: req.headerKey === 'hk',
    queryKey: req.queryKey === 'qk',
    cookieKey: req.cookieKey === 'ck',
  };
}

const SECURED: Record<string, { path: string; passes: (a: ReturnType<typeof accepted>) => boolean }> = {
  bearerOnly: { path: '/bearer', passes: (a) => a.bearerAuth },
  basicOnly: { path: '/basic', passes: (a) => a.basicAuth },
  headerKeyOnly: { path: '/header-key', passes: (a) => a.headerKey },
  queryKeyOnly: { path: '/query-key', passes: (a) => a.queryKey },
  cookieKeyOnly: { path: '/cookie-key', passes: (a) => a.cookieKey },
  bothKeys: { path: '/and', passes: (a) => a.headerKey && a.bearerAuth },
  eitherWay: { path: '/or', passes: (a) => a.basicAuth || a.queryKey },
};

describe.each(TARGETS)('property: no request without valid credentials reaches a secured handler (%s)', (target) => {
  let dir: Awaited<ReturnType<typeof generateFixture>>;
  let server: Awaited<ReturnType<typeof startFixture>>;
  let reached: Record<string, number>;

  beforeAll(async () => {
    dir = await generateFixture(`security-property-${target}`, target);
    expect(Object.keys(JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8')).paths)).toEqual(
      expect.arrayContaining(Object.values(SECURED).map((s) => s.path)),
    );
    const { createLogger } = await import(join(dir.path, 'generated/runtime/index.ts'));
    const { verifiers } = await fixtureVerifiers(dir.path);
    const echo = echoHandlers(OPERATIONS);
    reached = echo.reached;
    server = await startFixture(dir.path, target, echo.handlers, { security: verifiers, logger: createLogger({ level: 'silent' }) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    dir?.remove();
  });

  it('reached exactly when the oracle says the credentials are valid; refused with 401/403 otherwise', async () => {
    let refusals = 0;
    let passes = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(SECURED)),
        authorizationArb,
        keyArb,
        keyArb,
        keyArb,
        async (op, authorization, headerKey, queryKey, cookieKey) => {
          const headers: Record<string, string> = {};
          if (authorization !== undefined) headers.authorization = authorization;
          if (headerKey !== undefined) headers['x-api-key'] = headerKey;
          if (cookieKey !== undefined) headers.cookie = `session=${encodeURIComponent(cookieKey)}`;
          // other operations declare no query parameters: an unknown one is validation's 400 after security passed
          const usesQuery = op === 'queryKeyOnly' || op === 'eitherWay';
          if (!usesQuery) queryKey = undefined;
          const query = queryKey !== undefined ? `?api_key=${encodeURIComponent(queryKey)}` : '';
          const before = reached[op] ?? 0;
          const reply = await raw(server.base, 'GET', SECURED[op].path + query, headers);
          const wasReached = (reached[op] ?? 0) > before;
          // HTTP drops whitespace around header values (node does), so the oracle sees header keys trimmed
          const valid = SECURED[op].passes(accepted({ authorization, headerKey: headerKey?.trim(), queryKey, cookieKey }));
          expect(wasReached, `${op} ${JSON.stringify({ authorization, headerKey, queryKey, cookieKey })} -> ${reply.status}`).toBe(valid);
          if (valid) {
            passes++;
            expect(reply.status).toBe(200);
          } else {
            refusals++;
            expect([401, 403]).toContain(reply.status);
          }
        },
      ),
      { numRuns: 400, seed: 15 },
    );
    // the generators reach both sides of the property
    expect(refusals).toBeGreaterThan(100);
    expect(passes).toBeGreaterThan(10);
  }, 120_000);
});

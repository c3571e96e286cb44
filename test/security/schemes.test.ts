/**
 * Enforcement of every scheme kind on a generated service (test/fixtures/security/schemes.yaml) over
 * real HTTP: credential placement (header, query, cookie, Authorization, TLS), AND/OR, scopes, public
 * and optional overrides, malformed Authorization values, verifier crashes and missing verifiers.
 * Every answer is checked against the spec; no credential is ever echoed. The same table runs against
 * both targets (Express and `--target fastify`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractChecker, expectNoLeak } from '../support/contract.js';
import {
  BASIC_VALID,
  OPERATIONS,
  TARGETS,
  echoHandlers,
  fixtureVerifiers,
  generateFixture,
  raw,
  startFixture,
  type RawReply,
} from './support.js';

const PATHS: Record<string, string> = {};

describe.each(TARGETS)('security enforcement on every scheme kind (%s)', (target) => {
  let dir: Awaited<ReturnType<typeof generateFixture>>;
  let server: Awaited<ReturnType<typeof startFixture>>;
  let contract: ReturnType<typeof contractChecker>;
  let state: Awaited<ReturnType<typeof fixtureVerifiers>> & ReturnType<typeof echoHandlers>;
  const logged: string[] = [];

  beforeAll(async () => {
    dir = await generateFixture(`security-schemes-${target}`, target);
    const document = JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8'));
    contract = contractChecker(document);
    for (const [path, item] of Object.entries<any>(document.paths)) for (const op of Object.values<any>(item)) PATHS[op.operationId] = path;
    const verifiers = await fixtureVerifiers(dir.path);
    const echo = echoHandlers(OPERATIONS);
    state = { ...verifiers, ...echo };
    // a logger that keeps every line, to prove no credential is logged
    const logger = pino({ level: 'debug' }, { write: (line: string) => logged.push(line) });
    // spareKey deliberately has no verifier: only possible through `any` (a compile error otherwise)
    server = await startFixture(dir.path, target, echo.handlers, { security: verifiers.verifiers, logger });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    dir?.remove();
  });

  const get = (op: string, headers: Record<string, string> = {}, query = '') => raw(server.base, 'GET', PATHS[op] + query, headers);
  const documented = (op: string, status: number, reply: RawReply) =>
    contract.expectDocumented(op === 'postBody' ? 'POST' : 'GET', PATHS[op], status, {
      status: reply.status,
      headers: new Headers(reply.headers as Record<string, string>),
      text: reply.text,
    });

  it.each([
    // [case, operation, headers, query, status, requirement met, principals]
    ['document-level bearer', 'bearerOnly', { authorization: 'Bearer good-bearer' }, '', 200, 0, { bearerAuth: { name: 'bearer-user' } }],
    [
      'bearer scheme is case-insensitive',
      'bearerOnly',
      { authorization: 'bEaReR good-bearer' },
      '',
      200,
      0,
      { bearerAuth: { name: 'bearer-user' } },
    ],
    ['public override needs nothing', 'publicOp', {}, '', 200, null, {}],
    ['basic, decoded', 'basicOnly', { authorization: BASIC_VALID }, '', 200, 0, { basicAuth: { name: 'aladdin' } }],
    [
      'other http scheme gets the raw Authorization',
      'digestOnly',
      { authorization: 'Digest username="d", realm="x"' },
      '',
      200,
      0,
      { digestAuth: { name: 'digest' } },
    ],
    ['apiKey in a header', 'headerKeyOnly', { 'x-api-key': 'hk' }, '', 200, 0, { headerKey: { name: 'header' } }],
    ['apiKey in the query', 'queryKeyOnly', {}, '?api_key=qk', 200, 0, { queryKey: { name: 'query' } }],
    ['apiKey in a cookie', 'cookieKeyOnly', { cookie: 'theme=dark; session=ck' }, '', 200, 0, { cookieKey: { name: 'cookie' } }],
    [
      'AND: both schemes',
      'bothKeys',
      { 'x-api-key': 'hk', authorization: 'Bearer good-bearer' },
      '',
      200,
      0,
      { headerKey: { name: 'header' }, bearerAuth: { name: 'bearer-user' } },
    ],
    ['OR: the first alternative', 'eitherWay', { authorization: BASIC_VALID }, '', 200, 0, { basicAuth: { name: 'aladdin' } }],
    ['OR: the second alternative', 'eitherWay', {}, '?api_key=qk', 200, 1, { queryKey: { name: 'query' } }],
    ['oauth2 with the scope', 'oauthWrite', { authorization: 'Bearer rw' }, '', 200, 0, { oauth: { scope: 'read write' } }],
    ['openIdConnect with the scope', 'oidcAdmin', { authorization: 'Bearer admin' }, '', 200, 0, { oidc: { scopes: ['admin'] } }],
    ['optional: anonymous', 'optionalAuth', {}, '', 200, 0, {}],
    [
      'optional: with a valid token',
      'optionalAuth',
      { authorization: 'Bearer good-bearer' },
      '',
      200,
      1,
      { bearerAuth: { name: 'bearer-user' } },
    ],
    ['optional: an unknown token leaves the request anonymous', 'optionalAuth', { authorization: 'Bearer nope' }, '', 200, 0, {}],
    ['optional, crashing verifier: no credential is anonymous', 'optionalCrashing', {}, '', 200, 0, {}],
  ])('%s -> handler reached with auth', async (_name, op, headers, query, status, requirement, principals) => {
    const body = documented(op, status, await get(op, headers as Record<string, string>, query));
    expect(body).toEqual({ requirement, principals });
  });

  it.each([
    // [case, operation, headers, query, status, WWW-Authenticate]
    ['no credentials', 'bearerOnly', {}, '', 401, 'Bearer realm="Secured"'],
    ['unknown bearer token', 'bearerOnly', { authorization: 'Bearer nope' }, '', 401, 'Bearer realm="Secured", error="invalid_token"'],
    ['verifier says forbidden', 'bearerOnly', { authorization: 'Bearer forbidden-bearer' }, '', 403, undefined],
    ['empty Authorization', 'bearerOnly', { authorization: '' }, '', 401, 'Bearer realm="Secured", error="invalid_token"'],
    ['wrong scheme', 'bearerOnly', { authorization: BASIC_VALID }, '', 401, 'Bearer realm="Secured", error="invalid_token"'],
    [
      'huge Authorization',
      'bearerOnly',
      { authorization: `Bearer ${'x'.repeat(10_000)}` },
      '',
      401,
      'Bearer realm="Secured", error="invalid_token"',
    ],
    ['basic: bad base64', 'basicOnly', { authorization: 'Basic ***notbase64***' }, '', 401, 'Basic realm="Secured", charset="UTF-8"'],
    [
      'basic: no colon',
      'basicOnly',
      { authorization: `Basic ${Buffer.from('aladdin').toString('base64')}` },
      '',
      401,
      'Basic realm="Secured", charset="UTF-8"',
    ],
    [
      'basic: not UTF-8',
      'basicOnly',
      { authorization: `Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64')}` },
      '',
      401,
      'Basic realm="Secured", charset="UTF-8"',
    ],
    [
      'basic: wrong password',
      'basicOnly',
      { authorization: `Basic ${Buffer.from('aladdin:close sesame').toString('base64')}` },
      '',
      401,
      'Basic realm="Secured", charset="UTF-8"',
    ],
    ['digest: another scheme', 'digestOnly', { authorization: 'Bearer good-bearer' }, '', 401, 'Digest realm="Secured"'],
    ['header key: wrong', 'headerKeyOnly', { 'x-api-key': 'nope' }, '', 401, undefined],
    ['header key: in the query instead', 'headerKeyOnly', {}, '?X-API-Key=hk', 401, undefined],
    ['query key: repeated', 'queryKeyOnly', {}, '?api_key=qk&api_key=qk', 401, undefined],
    ['query key: in a header instead', 'queryKeyOnly', { api_key: 'qk' }, '', 401, undefined],
    ['cookie key: other cookie name', 'cookieKeyOnly', { cookie: 'sessionx=ck' }, '', 401, undefined],
    ['cookie key: bad percent-encoding', 'cookieKeyOnly', { cookie: 'session=%E0%A4%A' }, '', 401, undefined],
    ['AND: only one of the two', 'bothKeys', { 'x-api-key': 'hk' }, '', 401, 'Bearer realm="Secured"'],
    [
      'AND: one valid, one wrong',
      'bothKeys',
      { 'x-api-key': 'hk', authorization: 'Bearer nope' },
      '',
      401,
      'Bearer realm="Secured", error="invalid_token"',
    ],
    ['OR: neither', 'eitherWay', {}, '?api_key=nope', 401, 'Basic realm="Secured", charset="UTF-8"'],
    [
      'oauth2: too few scopes',
      'oauthWrite',
      { authorization: 'Bearer r' },
      '',
      403,
      'Bearer realm="Secured", error="insufficient_scope", scope="write"',
    ],
    [
      'oidc: no scopes at all',
      'oidcAdmin',
      { authorization: 'Bearer user' },
      '',
      403,
      'Bearer realm="Secured", error="insufficient_scope", scope="admin"',
    ],
    ['mutualTLS over plain HTTP', 'mtlsOnly', {}, '', 401, undefined],
  ])('%s -> %i, handler not reached', async (_name, op, headers, query, status, challenge) => {
    const before = state.reached[op] ?? 0;
    const reply = await get(op, headers as Record<string, string>, query);
    documented(op, status, reply);
    expect(reply.headers['www-authenticate']).toBe(challenge);
    expect(state.reached[op] ?? 0).toBe(before);
    expectNoLeak(reply.text);
    for (const value of Object.values(headers as Record<string, string>))
      if (value.length > 3) expect(reply.text).not.toContain(value.slice(-12));
  });

  it('a crashing verifier is the documented 500 with nothing of the error in it', async () => {
    const reply = await get('crashing', { 'x-crash': 'anything' });
    const body = documented('crashing', 500, reply);
    expect(body.detail).toBe('An unexpected error occurred.');
    expect(reply.text).not.toMatch(/exploded|secret-abc/);
    expect(state.reached.crashing ?? 0).toBe(0);
  });

  it('optional credentials whose verifier crashes: the documented 500, not a silent anonymous pass', async () => {
    const before = state.reached.optionalCrashing ?? 0;
    const reply = await get('optionalCrashing', { 'x-crash': 'anything' });
    documented('optionalCrashing', 500, reply);
    expect(reply.text).not.toMatch(/exploded|secret-abc/);
    expect(state.reached.optionalCrashing ?? 0).toBe(before);
    expect(logged.join('\n')).toMatch(/verifier exploded/);
  });

  it('a scheme without a registered verifier: 401 without its credential, 500 with one, never the handler', async () => {
    documented('unregistered', 401, await get('unregistered'));
    documented('unregistered', 500, await get('unregistered', { 'x-spare': 'whatever' }));
    expect(state.reached.unregistered ?? 0).toBe(0);
    expect(logged.join('\n')).toMatch(/"schemes":\["spareKey"\].*security schemes without a verifier/);
  });

  it('security comes before body parsing and validation: an unauthenticated bad body is 401, not 400', async () => {
    const bad = await raw(server.base, 'POST', PATHS.postBody, { 'content-type': 'application/json' }, '{not json');
    documented('postBody', 401, bad);
    const invalid = await raw(server.base, 'POST', PATHS.postBody, { 'content-type': 'application/json' }, '{"name": 5}');
    documented('postBody', 401, invalid);
    const authed = await raw(
      server.base,
      'POST',
      PATHS.postBody,
      { 'content-type': 'application/json', authorization: 'Bearer good-bearer' },
      '{"name": 5}',
    );
    documented('postBody', 400, authed);
  });

  it('an operation that documents no 401 answers its documented 400 (the rule for undocumented client errors)', async () => {
    const reply = await get('noUnauthorized');
    documented('noUnauthorized', 400, reply);
    expect(state.reached.noUnauthorized ?? 0).toBe(0);
  });

  it("a verifier's context carries the target's native request, the operation, the scheme and the scopes asked", async () => {
    await get('bearerOnly', { authorization: 'Bearer good-bearer' });
    const context = state.contexts.bearerAuth;
    expect(context).toMatchObject({ operation: 'bearerOnly', scheme: 'bearerAuth', scopes: [] });
    expect(context.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Express's Request has .app; Fastify's FastifyRequest wraps the node request in .raw
    if (target === 'fastify') expect(context.req.raw?.headers?.authorization).toBe('Bearer good-bearer');
    else expect(typeof context.req.app).toBe('function');
  });

  it('too few scopes where the operation documents no 403: its documented 400, never the handler', async () => {
    const reply = await get('noForbidden', { authorization: 'Bearer r' });
    documented('noForbidden', 400, reply);
    expect(state.reached.noForbidden ?? 0).toBe(0);
    // with the scope the handler runs: the 400 above was the refusal, not a broken route
    documented('noForbidden', 200, await get('noForbidden', { authorization: 'Bearer rw' }));
  });

  it('HEAD of a secured GET is secured too: 401 with the challenge and no body, the handler not reached', async () => {
    const before = state.reached.bearerOnly ?? 0;
    const reply = await raw(server.base, 'HEAD', PATHS.bearerOnly);
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe('Bearer realm="Secured"');
    expect(reply.text).toBe('');
    expect(state.reached.bearerOnly ?? 0).toBe(before);
    const authed = await raw(server.base, 'HEAD', PATHS.bearerOnly, { authorization: 'Bearer good-bearer' });
    expect(authed.status).toBe(200);
    expect(state.reached.bearerOnly).toBe(before + 1);
  });

  it('each scheme is verified once per request, even when alternatives share it', async () => {
    const before = state.calls.bearerAuth ?? 0;
    await get('bothKeys', { 'x-api-key': 'hk', authorization: 'Bearer good-bearer' });
    expect((state.calls.bearerAuth ?? 0) - before).toBe(1);
  });

  it('no credential is ever logged', () => {
    const text = logged.join('\n');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of ['good-bearer', 'open sesame', BASIC_VALID.slice(6), 'forbidden-bearer', 'x-spare'])
      expect(text).not.toContain(secret);
  });
});

/**
 * The users example over real HTTP with its PGlite database: bearer tokens issued by POST /login
 * (HTTP Basic, checked against the stored scrypt hash),
 * GET /me (users:read) and DELETE /me (users:write). Every refusal is the documented 401/403 with a
 * Bearer challenge, and no token ever comes back in a body or header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../../output/users/app.js';
import { createLogger } from '../../output/users/generated/runtime/index.js';
import { contractChecker, expectNoLeak, send } from '../support/contract.js';
import { listen } from '../support/server.js';

const document = JSON.parse(readFileSync(new URL('../../output/users/generated/openapi.json', import.meta.url), 'utf8'));
const contract = contractChecker(document);
const pam = { email: 'pam@dm.com', dept: 'Reception', password: 'jimjim', name: 'Pam Beesly', username: 'pam' };

describe('users example: bearer tokens from POST /login', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  let readToken: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
  const login = (user: string, password: string, scope?: string) =>
    send(server.base, 'POST', scope ? `/login?scope=${encodeURIComponent(scope)}` : '/login', undefined, basic(user, password));

  beforeAll(async () => {
    server = await listen(createApp({ logger: createLogger({ level: 'silent' }) }));
    contract.expectDocumented('POST', '/user/', 201, await send(server.base, 'POST', '/user/', pam));
    const token = contract.expectDocumented('POST', '/login', 200, await login('pam', 'jimjim', 'users:read'));
    expect(token.scope).toBe('users:read');
    readToken = token.access_token;
  });
  afterAll(() => server.close());

  it('no credentials -> documented 401 with a Bearer challenge and no error code', async () => {
    const reply = await send(server.base, 'GET', '/me');
    const body = contract.expectDocumented('GET', '/me', 401, reply);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="Users"');
    expect(body.detail).toBe('This operation requires authentication.');
  });

  it.each([
    ['an unknown token', 'Bearer bm90LWEtcmVhbC10b2tlbg'],
    ['an empty Authorization', ''],
    ['Bearer without a token', 'Bearer'],
    ['the wrong scheme', 'Basic cGFtOmppbWppbQ=='],
    ['a token with spaces', 'Bearer a b c'],
    ['a token of 9000 characters', `Bearer ${'a'.repeat(9000)}`],
  ])('%s -> documented 401 with error="invalid_token"', async (_name, authorization) => {
    const reply = await send(server.base, 'GET', '/me', undefined, { authorization });
    contract.expectDocumented('GET', '/me', 401, reply);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="Users", error="invalid_token"');
    if (authorization.length > 7) expect(reply.text).not.toContain(authorization.slice(7, 40));
  });

  it('scopes sent the way curl sends them (a raw ":" in the query) are accepted: the spec allows reserved characters there', async () => {
    const reply = await send(server.base, 'POST', '/login?scope=users:read', undefined, basic('pam', 'jimjim'));
    expect(contract.expectDocumented('POST', '/login', 200, reply).scope).toBe('users:read');
  });

  it('a valid token reaches the handler, which sees the principal', async () => {
    const me = contract.expectDocumented('GET', '/me', 200, await send(server.base, 'GET', '/me', undefined, bearer(readToken)));
    expect(me.username).toBe('pam');
  });

  it('too few scopes -> documented 403 naming the missing scope, and nothing is deleted', async () => {
    const reply = await send(server.base, 'DELETE', '/me', undefined, bearer(readToken));
    const body = contract.expectDocumented('DELETE', '/me', 403, reply);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="Users", error="insufficient_scope", scope="users:write"');
    expect(body.detail).toMatch(/do not allow/);
    expectNoLeak(reply.text);
    expect(reply.text).not.toContain(readToken);
    contract.expectDocumented('GET', '/user/{username}', 200, await send(server.base, 'GET', '/user/pam'));
  });

  it('wrong password, unknown user and no credentials get the documented 401 with a Basic challenge from login', async () => {
    const wrong = await login('pam', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(contract.expectDocumented('POST', '/login', 401, wrong)).toEqual(contract.expectDocumented('POST', '/login', 401, unknown));
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="Users", charset="UTF-8"');
    contract.expectDocumented('POST', '/login', 401, await send(server.base, 'POST', '/login'));
    expect(wrong.text).not.toContain('nope');
  });

  it('DELETE /me with users:write deletes the user, and the token stops working (sessions cascade)', async () => {
    const full = contract.expectDocumented('POST', '/login', 200, await login('pam', 'jimjim'));
    expect(full.scope).toBe('users:read users:write');
    contract.expectDocumented('DELETE', '/me', 204, await send(server.base, 'DELETE', '/me', undefined, bearer(full.access_token)));
    contract.expectDocumented('GET', '/me', 401, await send(server.base, 'GET', '/me', undefined, bearer(full.access_token)));
    contract.expectDocumented('GET', '/me', 401, await send(server.base, 'GET', '/me', undefined, bearer(readToken)));
  });
});

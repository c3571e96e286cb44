/**
 * The promise on the example services, over real HTTP: every response of the list in the issue has a
 * documented status, content type and a body valid against the documented schema, and leaks nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp as createUsers } from '../../output/users/app.js';
import { createApp as createThings } from '../../output/things/app.js';
import { createLogger } from '../../output/users/generated/runtime/index.js';
import { contractChecker, expectNoLeak, send } from '../support/contract.js';
import { listen } from '../support/server.js';
import { memoryThings, memoryUsers } from './memory.js';

const spec = (svc: string) => JSON.parse(readFileSync(new URL(`../../output/${svc}/generated/openapi.json`, import.meta.url), 'utf8'));
const silent = createLogger({ level: 'silent' });

describe('things', () => {
  const contract = contractChecker(spec('things'));
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen(createThings({ handlers: memoryThings(), logger: silent }));
  });
  afterAll(() => server.close());

  it.each([
    ['GET /notARoute', 'GET', '/notARoute', undefined, 404, undefined],
    ['unknown id', 'GET', '/api/things/999999999', undefined, 404, '/api/things/{thing_id}'],
    ['id that is not an integer', 'GET', '/api/things/notAnId', undefined, 400, '/api/things/{thing_id}'],
    ['empty body', 'POST', '/api/things', {}, 400, '/api/things'],
    ['rating 6', 'POST', '/api/things', { name: 'x', description: 'y', rating_out_of_five: 6 }, 400, '/api/things'],
    ['delete unknown', 'DELETE', '/api/things/999999999', undefined, 404, '/api/things/{thing_id}'],
    ['votes not an integer', 'PATCH', '/api/things/1', { increase_votes_by: 'word' }, 400, '/api/things/{thing_id}'],
  ] as const)('%s -> %i', async (_name, method, path, body, status, template) => {
    const reply = await send(server.base, method, path, body);
    const parsed = template
      ? contract.expectDocumented(method, template, status, reply)
      : (expect(reply.status).toBe(status), contract.expectSomeErrorSchema(reply));
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(parsed.status).toBe(status);
    expectNoLeak(reply.text);
  });

  it('validation issues name each field: empty body lists the three required fields', async () => {
    const reply = await send(server.base, 'POST', '/api/things', {});
    const body = contract.expectDocumented('POST', '/api/things', 400, reply);
    expect(body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/description', '/name', '/rating_out_of_five']);
  });

  it('PUT /api/things/1 -> 405 with Allow listing the documented methods', async () => {
    const reply = await send(server.base, 'PUT', '/api/things/1', {});
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH');
    contract.expectSomeErrorSchema(reply);
  });

  it('create, read, vote, delete: the happy path is documented too', async () => {
    const created = contract.expectDocumented(
      'POST',
      '/api/things',
      201,
      await send(server.base, 'POST', '/api/things', { name: 'Lamp', description: 'bright', rating_out_of_five: 4 }),
    );
    const path = `/api/things/${created.thing_id}`;
    expect(
      contract.expectDocumented('PATCH', '/api/things/{thing_id}', 200, await send(server.base, 'PATCH', path, { increase_votes_by: 3 }))
        .votes,
    ).toBe(3);
    contract.expectDocumented('GET', '/api/things/{thing_id}', 200, await send(server.base, 'GET', path));
    contract.expectDocumented('DELETE', '/api/things/{thing_id}', 204, await send(server.base, 'DELETE', path));
    contract.expectDocumented('GET', '/api/things/{thing_id}', 404, await send(server.base, 'GET', path));
  });
});

describe('users', () => {
  const contract = contractChecker(spec('users'));
  let server: Awaited<ReturnType<typeof listen>>;
  const pam = { email: 'pam@dm.com', dept: 'Accounting', password: 'jimjim', name: 'Pam Besly', username: 'pam' };
  beforeAll(async () => {
    server = await listen(
      createUsers({
        handlers: {
          ...memoryUsers(),
          // a handler whose database error leaks SQL in its message
          updateUser: async () => {
            throw new Error('SELECT * FROM users WHERE username = $1');
          },
        },
        logger: silent,
      }),
    );
  });
  afterAll(() => server.close());

  it('the second identical POST /user/ is the documented 409 "Username already taken"', async () => {
    const first = contract.expectDocumented('POST', '/user/', 201, await send(server.base, 'POST', '/user/', pam));
    expect(first).not.toHaveProperty('password');
    const second = contract.expectDocumented('POST', '/user/', 409, await send(server.base, 'POST', '/user/', pam));
    expect(second).toEqual({ detail: 'Username already taken' });
  });

  it('invalid input is the documented 400 with FastAPI-style issues, never echoing the input', async () => {
    const reply = await send(server.base, 'POST', '/user/', { ...pam, email: 'not-an-email<script>', username: 'x y' });
    const body = contract.expectDocumented('POST', '/user/', 400, reply);
    expect(body.detail.map((d: { loc: string[] }) => d.loc.join('.')).sort()).toEqual(['body.email', 'body.username']);
    expect(reply.text).not.toContain('<script>');
    expect(reply.text).not.toContain('x y');
  });

  it('a handler that throws Error("SELECT ...") is the documented 500 with no SQL and no stack', async () => {
    const reply = await send(server.base, 'PATCH', '/user/pam', { name: 'Pam' });
    const body = contract.expectDocumented('PATCH', '/user/{username}', 500, reply);
    expect(body.detail).toBe('An unexpected error occurred.');
    expect(reply.text).not.toMatch(/SELECT/);
    expectNoLeak(reply.text);
  });

  it.each([
    ['unknown route', 'GET', '/notARoute', undefined, {}, 404],
    ['wrong method', 'PUT', '/user/pam', pam, {}, 405],
    ['malformed JSON', 'POST', '/user/', '{"email": ', {}, 400],
    ['wrong content type', 'POST', '/user/', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' }, 400],
    ['body too large', 'POST', '/user/', JSON.stringify({ ...pam, name: 'x'.repeat(2_000_000) }), {}, 400],
    ['unknown query parameter', 'GET', '/user/?debug=1', undefined, {}, 400],
    ['limit out of range', 'GET', '/user/?limit=1000', undefined, {}, 400],
  ] as const)('%s -> %i in a documented shape', async (_name, method, path, body, headers, status) => {
    const reply = await send(server.base, method, path, body, headers);
    expect(reply.status).toBe(status);
    const parsed =
      status === 400 && path.startsWith('/user/')
        ? contract.expectDocumented(method, path.split('?')[0], status, reply)
        : contract.expectSomeErrorSchema(reply);
    expect(parsed).toHaveProperty('detail');
    expect(reply.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers.get('x-powered-by')).toBeNull();
    expectNoLeak(reply.text);
  });
});

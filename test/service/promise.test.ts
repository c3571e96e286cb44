/**
 * Every cause in the promise table (docs/architecture.md, "The promise"), on a service generated from test/fixtures/service/features.yaml:
 * each response has a status the operation documents and a body valid against the documented schema.
 * The same table runs against both targets (`--target express`, `--target fastify`) with the same handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { generate } from '../../generator/generate.js';
import { contractChecker, expectNoLeak, send, type Reply } from '../support/contract.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

class Base extends Error {}
class Derived extends Base {}

describe.each(['express', 'fastify'] as const)('the promise table (%s)', (target) => {
  const dir = tempDir(`features-${target}`);
  const logs: Record<string, unknown>[] = [];
  const reported: { error: unknown; status: number; cause: string; operation?: string }[] = [];
  let server: Awaited<ReturnType<typeof listen>>;
  let contract: ReturnType<typeof contractChecker>;
  let errors: Record<string, any>;
  const behaviour: { getItem?: () => unknown } = {};

  beforeAll(async () => {
    const result = await generate({ input: 'test/fixtures/service/features.yaml', output: dir.path, cwd: REPO, client: false, target });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    contract = contractChecker(JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8')));
    const { createApp } = await import(join(dir.path, 'app.ts'));
    const { HttpError } = await import(join(dir.path, 'generated/runtime/index.ts'));
    errors = { HttpError, ...(await import(join(dir.path, 'generated/errors.gen.ts'))) };
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          logs.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    server = await listen(
      createApp({
        logger,
        onError: (error: unknown, ctx: { status: number; cause: string; operation?: { name: string } }) => {
          reported.push({ error, status: ctx.status, cause: ctx.cause, operation: ctx.operation?.name });
          throw new Error('a broken reporter must not break the response');
        },
        errorMappers: [
          [Base, () => ({ status: 404, detail: 'mapped from Base' })],
          [Derived, () => new HttpError(409, 'mapped from Derived')],
        ],
        handlers: {
          createItem: async ({ body }: { body: { name: string } }) => {
            if (body.name === 'conflict') throw new errors.HttpError(409, 'undocumented here');
            if (body.name === 'badout') return { status: 201, body: { id: 'not-a-number', name: 1 } };
            if (body.name === 'teapot') return { status: 418, body: {} };
            if (body.name === 'deadlock') throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
            return { status: 201, body: { id: 1, name: body.name } };
          },
          getItem: async () => (behaviour.getItem ? behaviour.getItem() : { status: 200, body: { id: 1, name: 'a' } }),
          getSecure: async () => {
            throw new errors.HttpError(401, { detail: 'Sign in first', headers: { 'WWW-Authenticate': 'Bearer realm="features"' } });
          },
          writeDb: async ({ body }: { body: { code: string } }) => {
            throw Object.assign(
              new Error('duplicate key value violates unique constraint "users_pkey" DETAIL: Key (id)=(1) already exists. SELECT 1'),
              { code: body.code, table: 'users', constraint: 'users_pkey' },
            );
          },
          noFive: async () => {
            throw new Error('boom');
          },
        },
      }),
    );
  });
  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    send(server.base, method, path, body, headers);
  const documented = (method: string, template: string, status: number, reply: Reply) => {
    const body = contract.expectDocumented(method, template, status, reply);
    expectNoLeak(reply.text);
    return body;
  };

  it.each([
    [
      'a string',
      () => {
        throw 'a string with SELECT * FROM secrets';
      },
    ],
    [
      'null',
      () => {
        throw null;
      },
    ],
    [
      'undefined',
      () => {
        throw undefined;
      },
    ],
    [
      "the string 'router' (Express reads next('router') as leave the router)",
      () => {
        throw 'router';
      },
    ],
    [
      'a plain object',
      () => {
        throw { sql: 'DELETE FROM users WHERE 1=1', stack: 'at x (/app/x.js:1:1)' };
      },
    ],
    ['a rejected promise', () => Promise.reject(new Error('connection string postgres://admin:hunter2@db/prod'))],
    [
      'an Error subclass',
      () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    ],
  ])('throwing %s gives the documented 5XX with nothing of the error in it', async (_name, fn) => {
    behaviour.getItem = fn;
    const reply = await call('GET', '/items/1');
    const body = documented('GET', '/items/{id}', 500, reply);
    expect(body).toEqual({
      message: 'An unexpected error occurred.',
      code: 'INTERNAL_ERROR',
      requestId: reply.headers.get('x-request-id'),
    });
    expect(reply.text).not.toMatch(/secrets|DELETE|hunter2|undefined/);
    behaviour.getItem = undefined;
  });

  it('a thrown status the operation does not document is logged as a contract violation and sent as its 500', async () => {
    const before = reported.length;
    const reply = await call('POST', '/items', { name: 'conflict' });
    expect(documented('POST', '/items', 500, reply).message).toBe('An unexpected error occurred.');
    expect(logs.some((l) => l.violation === 'undocumented-status' && l.status === 409 && l.operation === 'createItem')).toBe(true);
    expect(reported.slice(before).map((r) => r.cause)).toContain('contract-violation');
  });

  it('a returned undocumented status (through `any`) and a body that breaks the schema are the documented 500', async () => {
    documented('POST', '/items', 500, await call('POST', '/items', { name: 'teapot' }));
    documented('POST', '/items', 500, await call('POST', '/items', { name: 'badout' }));
  });

  it('validation failures use the operation’s 422 and its list field, one issue per field', async () => {
    const body = documented('POST', '/items', 422, await call('POST', '/items', { name: 'x'.repeat(11), extra: true }));
    expect(body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['extra', 'name']);
  });

  it('documented 413 and 415 are used as such; malformed JSON falls back to the validation response', async () => {
    documented('POST', '/items', 413, await call('POST', '/items', JSON.stringify({ name: 'x'.repeat(1_100_000) })));
    documented('POST', '/items', 415, await call('POST', '/items', '<name/>', { 'content-type': 'application/xml' }));
    documented('POST', '/items', 422, await call('POST', '/items', '{"name":'));
  });

  it('path, header and range statuses: a bad id is a 400 through 4XX; an unknown header value too', async () => {
    expect(documented('GET', '/items/{id}', 400, await call('GET', '/items/abc')).code).toBe('VALIDATION_FAILED');
    documented('GET', '/items/{id}', 400, await call('GET', '/items/1', undefined, { 'X-Mode': 'evil' }));
  });

  it('the most specific registered mapper wins (Derived over Base)', async () => {
    behaviour.getItem = () => {
      throw new Derived('x');
    };
    expect(documented('GET', '/items/{id}', 409, await call('GET', '/items/1')).message).toBe('mapped from Derived');
    behaviour.getItem = () => {
      throw new Base('x');
    };
    expect(documented('GET', '/items/{id}', 404, await call('GET', '/items/1')).message).toBe('mapped from Base');
    behaviour.getItem = undefined;
  });

  it('documented response headers on errors (WWW-Authenticate) and the request id in header and body', async () => {
    const reply = await call('GET', '/secure', undefined, { 'X-Request-Id': 'trace-123' });
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="features"');
    expect(reply.headers.get('x-request-id')).toBe('trace-123');
    expect(documented('GET', '/secure', 401, reply)).toEqual({ message: 'Sign in first', code: 'UNAUTHORIZED', requestId: 'trace-123' });
    const hostile = await call('GET', '/secure', undefined, { 'X-Request-Id': 'x'.repeat(300) });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['23505', 409, 'UNIQUE_VIOLATION'],
    ['23503', 409, 'FOREIGN_KEY_VIOLATION'],
    ['22P02', 400, 'INVALID_TEXT_REPRESENTATION'],
    ['23514', 400, 'CHECK_VIOLATION'],
    ['40001', 503, 'SERIALIZATION_FAILURE'],
    ['08006', 503, 'CONNECTION_FAILURE'],
    ['XX000', 500, 'INTERNAL_ERROR'],
  ])('database error %s -> %i, never the database text', async (code, status, stable) => {
    const reply = await call('POST', '/db', { code });
    const body = documented('POST', '/db', status, reply);
    expect(body.code).toBe(stable);
    expect(reply.text).not.toMatch(/users_pkey|duplicate key|Key \(id\)/);
    if (status === 503) expect(reply.headers.get('retry-after')).toBe('1');
  });

  it('a database status the operation does not document becomes its 500', async () => {
    // createItem documents no 503 (and no 5XX): a deadlock there is its documented 500
    documented('POST', '/items', 500, await call('POST', '/items', { name: 'deadlock' }));
    // getItem documents 5XX, which covers the 503
    behaviour.getItem = () => {
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    };
    expect(documented('GET', '/items/{id}', 503, await call('GET', '/items/1')).code).toBe('DEADLOCK');
    behaviour.getItem = undefined;
  });

  it('onError sees every 5xx with its cause, and a throwing hook changes nothing', async () => {
    const before = reported.length;
    behaviour.getItem = () => {
      throw new RangeError('kaboom');
    };
    documented('GET', '/items/{id}', 500, await call('GET', '/items/1'));
    behaviour.getItem = undefined;
    const seen = reported.slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 500, cause: 'unexpected', operation: 'getItem' });
    expect((seen[0].error as Error).message).toBe('kaboom');
    expect(logs.some((l) => l.msg === 'onError hook threw; ignored')).toBe(true);
  });

  it('unknown routes and wrong methods use the service-level schema (the most used one: Error)', async () => {
    const notFound = await call('GET', '/nope');
    expect(notFound.status).toBe(404);
    expect(contract.expectSomeErrorSchema(notFound)).toMatchObject({ code: 'NOT_FOUND' });
    const wrong = await call('DELETE', '/items');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(contract.expectSomeErrorSchema(wrong)).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });

  it('an operation without any 5XX still answers a crash with a 500 in the service-level shape, logged', async () => {
    const reply = await call('GET', '/nofive');
    expect(reply.status).toBe(500);
    expect(contract.expectSomeErrorSchema(reply).message).toBe('An unexpected error occurred.');
    expectNoLeak(reply.text);
  });
});

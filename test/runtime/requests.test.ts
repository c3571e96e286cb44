/**
 * Requests as real clients send them, on a generated fixture service (test/fixtures/service/requests.yaml)
 * over real HTTP: numbers in every parameter location are read strictly and reach the handler as
 * numbers (issue 14 item 1), `+` in a query is a space (2), encoded and raw literal path text match
 * alike, with 405 + Allow (3), unknown formats neither stop generation nor fail validation (4), and
 * Node's own parser errors are answered in the service-level error shape (7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { generate } from '../../generator/generate.js';
import { contractChecker, type Reply } from '../support/contract.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

const dir = tempDir('requests');
let base: string;
let close: () => Promise<void>;
let contract: ReturnType<typeof contractChecker>;
let serviceContract: any;

/** Sends the request target exactly as written (node:http does not re-encode it, unlike fetch). */
function raw(method: string, target: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(base + '/', { method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode!, headers: h, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const result = await generate({ input: join(REPO, 'test/fixtures/service/requests.yaml'), output: dir.path, cwd: REPO, client: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const runtime = await import(join(dir.path, 'generated/runtime/index.ts'));
  serviceContract = (await import(join(dir.path, 'generated/contract.gen.ts'))).contract;
  const spec = JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8'));
  contract = contractChecker(spec);
  const echo = (input: any) => ({
    status: 200,
    body: { params: input.params, query: input.query, page: input.headers['x-page'] ?? null, cookies: input.cookies },
  });
  const handlers = {
    listPlaces: echo,
    createPlace: (input: any) => ({ status: 201, body: input.body }),
    listReports: echo,
    ping: echo,
    getPlace: echo,
    getSchemaVersion: echo,
    uploadTo: () => ({ status: 204 }),
    getPage: () => ({ status: 200, contentType: 'text/html', body: '<p>hello</p>' }),
  };
  const app = express();
  app.use(runtime.createServiceRouter(serviceContract, spec, handlers, { logger: pino({ level: 'silent' }) }));
  const server = await listen({
    listen: (port: number, host: string, cb: () => void) => {
      const s = app.listen(port, host, cb);
      s.on('clientError', runtime.clientErrorHandler(serviceContract));
      return s;
    },
  });
  ({ base, close } = server);
});
afterAll(async () => {
  await close?.();
  dir.remove();
});

describe('numbers: canonical decimal text, safe integers, finite numbers (item 1)', () => {
  it.each([
    ['/places?limit=Infinity', 'query'],
    ['/places?limit=1e400', 'query'],
    ['/places?limit=0x10', 'query'],
    ['/places?limit=0b11', 'query'],
    ['/places?limit=1e3', 'query'],
    ['/places?limit=%2B5', 'query'],
    ['/places?limit=%205', 'query'],
    ['/places?limit=1.0', 'query'],
    ['/places?limit=0', 'query'],
    ['/places?limit=101', 'query'],
    ['/places?small=3000000000', 'query'],
    ['/places?step=1.2', 'query'],
    ['/places?step=NaN', 'query'],
    ['/places?step=.5', 'query'],
    ['/places?ids=1&ids=0x2', 'query'],
    ['/places/Infinity', 'path'],
    ['/places/1e400', 'path'],
    ['/places/9007199254740993', 'path'],
    ['/places/99999999999999999999', 'path'],
    ['/places/0x10', 'path'],
    ['/schemas/1.0', 'path'],
  ])('GET %s -> documented 400 naming the %s parameter', async (target, location) => {
    const reply = await raw('GET', target);
    const template = target.startsWith('/places/') ? '/places/{id}' : target.startsWith('/schemas/') ? '/schemas/{version}' : '/places';
    // GET /schemas/{version} documents no 400: a bad path gets its documented 404 (item 5)
    const status = template === '/schemas/{version}' ? 404 : 400;
    const body = contract.expectDocumented('GET', template, status, reply);
    expect(body.message).toBeTypeOf('string');
    expect(location).toMatch(/query|path/);
  });

  it.each([
    ['GET', '/places', { 'X-Page': '0x1' }],
    ['GET', '/places', { 'X-Page': '1e2' }],
    ['GET', '/places', { Cookie: 'session=1e3' }],
    ['GET', '/places', { Cookie: 'session=9007199254740993' }],
  ])('%s %s %j -> documented 400', async (method, target, headers) => {
    contract.expectDocumented(method, target, 400, await raw(method, target, headers as Record<string, string>));
  });

  it.each([
    ['/places?limit=5&step=1.5&small=-2147483648', {}, (b: any) => expect(b.query).toEqual({ limit: 5, step: 1.5, small: -2147483648 })],
    ['/places?step=1e1', {}, (b: any) => expect(b.query.step).toBe(10)],
    ['/places?ids=1&ids=2', {}, (b: any) => expect(b.query.ids).toEqual([1, 2])],
    ['/places/9007199254740991', {}, (b: any) => expect(b.params.id).toBe(9007199254740991)],
    ['/places/-0012', {}, (b: any) => expect(b.params.id).toBe(-12)],
    ['/places', { 'X-Page': '7' }, (b: any) => expect(b.page).toBe(7)],
    ['/places', { Cookie: 'session=42' }, (b: any) => expect(b.cookies).toEqual({ session: 42 })],
  ] as const)('GET %s %j -> 200, the handler receives numbers', async (target, headers, check) => {
    const body = contract.expectDocumented(
      'GET',
      target.startsWith('/places/') ? '/places/{id}' : '/places',
      200,
      await raw('GET', target, headers),
    );
    check(body);
  });
});

describe('query strings as URLSearchParams writes them (item 2)', () => {
  it.each([
    [{ q: 'New York' }, { q: 'New York' }],
    [{ q: 'a+b' }, { q: 'a+b' }],
    [{ q: 'café au lait' }, { q: 'café au lait' }],
    [{ q: 'a/b?c' }, { q: 'a/b?c' }],
    [{ raw: 'x y' }, { raw: 'x y' }],
  ])('%j sent with URLSearchParams arrives as %j', async (params, want) => {
    const search = new URLSearchParams(params as Record<string, string>).toString();
    const body = contract.expectDocumented('GET', '/places', 200, await raw('GET', `/places?${search}`));
    expect(body.query).toEqual(want);
  });

  it('allowReserved keeps its meaning: a raw / is refused where it is not allowed, accepted where it is', async () => {
    contract.expectDocumented('GET', '/places', 400, await raw('GET', '/places?q=a/b'));
    expect(contract.expectDocumented('GET', '/places', 200, await raw('GET', '/places?raw=a/b+c')).query).toEqual({ raw: 'a/b c' });
  });
});

describe('paths compared in one RFC 3986 normal form (item 3)', () => {
  it.each(['/files/%3Cupload_url%3E', '/files/%3cupload_url%3e', '/files/<upload_url>', '/files/%3Cupload%5Furl%3E'])(
    'POST %s -> 204',
    async (target) => {
      expect((await raw('POST', target)).status).toBe(204);
    },
  );

  it.each(['/files/%3Cupload_url%3E', '/files/<upload_url>'])('GET %s -> 405 with Allow: POST', async (target) => {
    const reply = await raw('GET', target);
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('POST');
    contract.expectSomeErrorSchema(reply);
  });

  it('an encoded slash stays inside its segment: /files%2F%3Cupload_url%3E is no route', async () => {
    expect((await raw('POST', '/files%2F%3Cupload_url%3E')).status).toBe(404);
  });
});

describe('operations that document no 400, 422, 4XX or default (item 5)', () => {
  it.each([
    ['GET', '/schemas/abc', '/schemas/{version}', 404, 'a bad path: the documented 404'],
    ['GET', '/schemas/0', '/schemas/{version}', 404, 'a path below its minimum: the documented 404'],
    ['GET', '/schemas/1?unknown=1', '/schemas/{version}', 404, 'an unknown query parameter: the only documented 4xx'],
    ['GET', '/reports?year=x', '/reports', 409, 'the lowest documented 4xx that is not 401/403/407/429'],
  ] as const)('%s %s -> %i (%s)', async (method, target, template, status, _why) => {
    contract.expectDocumented(method, template, status, await raw(method, target));
  });

  it('an operation documenting no 4xx at all falls back to the service-level 400', async () => {
    const reply = await raw('GET', '/ping?unknown=1');
    expect(reply.status).toBe(400);
    contract.expectSomeErrorSchema(reply);
  });
});

describe('unknown formats (item 4)', () => {
  it('a text/html error schema with format: html generated, and format: slug does not fail validation', async () => {
    const reply = await raw('GET', '/pages/any-thing');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('<p>hello</p>');
  });

  it('known formats are still checked: int32 bounds hold', async () => {
    contract.expectDocumented('GET', '/places', 400, await raw('GET', '/places?small=2147483648'));
    contract.expectDocumented('GET', '/places', 200, await raw('GET', '/places?small=2147483647'));
  });
});

describe('response validation in production (item 8)', () => {
  const serveWith = async (options: Record<string, unknown>) => {
    const runtime = await import(join(dir.path, 'generated/runtime/index.ts'));
    const spec = JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8'));
    const invalid = () => ({ status: 200, body: ['not', 'an', 'object'] });
    const app = express();
    app.use(
      runtime.createServiceRouter(serviceContract, spec, { getSchemaVersion: invalid }, { logger: pino({ level: 'silent' }), ...options }),
    );
    return listen(app);
  };

  it('NODE_ENV=production: a handler body that breaks its schema is the documented 500', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const server = await serveWith({});
    try {
      const res = await fetch(`${server.base}/schemas/1`);
      contract.expectDocumented('GET', '/schemas/{version}', 500, { status: res.status, headers: res.headers, text: await res.text() });
    } finally {
      process.env.NODE_ENV = saved;
      await server.close();
    }
  });

  it('validateResponses: 0 (a sampling rate) sends unchecked bodies as they are; 1 checks every one', async () => {
    for (const [rate, status] of [
      [0, 200],
      [1, 500],
    ] as const) {
      const server = await serveWith({ validateResponses: rate });
      try {
        expect((await fetch(`${server.base}/schemas/1`)).status).toBe(status);
      } finally {
        await server.close();
      }
    }
  });
});

describe("Node's parser errors in the service-level shape (item 7)", () => {
  const rawSocket = (bytes: Buffer | string) =>
    new Promise<string>((resolve, reject) => {
      const url = new URL(base);
      const socket = net.connect(Number(url.port), url.hostname, () => socket.write(bytes));
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.on('error', reject);
    });

  it.each([
    [
      'raw non-ASCII in the request line',
      Buffer.concat([Buffer.from('GET /caf'), Buffer.from([0xc3, 0xa9]), Buffer.from('?secret=1 HTTP/1.1\r\nHost: x\r\n\r\n')]),
      400,
    ],
    [
      'a bad chunk size',
      'POST /places HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz-secret\r\n{}\r\n0\r\n\r\n',
      400,
    ],
    ['headers too large', `GET /places HTTP/1.1\r\nHost: x\r\nX-Big: secret${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('%s -> its status with a service-level error body, nothing echoed', async (_name, bytes, status) => {
    const text = await rawSocket(bytes);
    const [head, body] = text.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`);
    expect(head).toMatch(/\r\nContent-Type: application\/json; charset=utf-8/);
    expect(text).not.toContain('secret');
    expect(Buffer.byteLength(body)).toBe(Number(/Content-Length: (\d+)/.exec(head)![1]));
    contract.expectSomeErrorSchema({ status, headers: new Headers(), text: body });
  });
});

/**
 * Contract test: every error a client can receive has a documented status, content type and a body
 * valid against the documented schema. It reads generated/contract.gen.ts and generated/openapi.json,
 * so it follows the spec after every `npm run generate` without edits. Per operation it checks:
 * - each documented error status (4XX/5XX/default too), raised from the handler with `input.fail`;
 * - an invalid request (an unknown query parameter) and, for JSON bodies, malformed JSON;
 * - for secured operations, a request without credentials (the documented 401 or its fallback);
 * and for the service: an unknown route (404) and a wrong method (405 with Allow).
 * Run it with `npm test`; add your own tests beside it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.js';
import { contract } from '../generated/contract.gen.js';
import { apiSpec } from '../generated/router.gen.js';
import type { Handlers } from '../generated/handlers.gen.js';
import { createLogger, type OperationContract } from '../generated/runtime/index.js';
import { createBodyChecker } from './schemas.js';

const THROW_HEADER = 'x-contract-test-status';
const checker = createBodyChecker(apiSpec);
const logger = createLogger({ level: 'silent' });
let service: Running; // the app as it runs: your handlers, request validation on
let throwing: Running; // every handler fails with the status named in THROW_HEADER; validation off to reach it

interface Running {
  server: Server;
  url: string;
}

before(async () => {
  service = await listen(createApp({ logger }));
  // input.fail is what handlers use; typed per operation, here it takes whichever status the test asks for
  const handlers = Object.fromEntries(
    contract.operations.map((op) => [
      op.name,
      async (input: { headers: Record<string, unknown>; fail: (status: number, detail?: string) => never }) => {
        return input.fail(Number(input.headers[THROW_HEADER]), 'raised by the contract test');
      },
    ]),
  );
  // request validation is always on in the compiled engine; the validator engine can turn it off, so
  // every handler is reached with any request and the rendering of each documented error is tested
  // every verifier accepts, so secured operations reach the throwing handlers with made-up credentials
  const scopes = [...new Set(contract.operations.flatMap((op) => (op.security ?? []).flat().flatMap((r) => r.scopes)))];
  const acceptAll = Object.fromEntries(
    Object.keys(contract.securitySchemes ?? {}).map((name) => [name, () => ({ contractTest: true, scopes })]),
  );
  throwing = await listen(
    createApp({
      logger,
      handlers: handlers as unknown as Partial<Handlers>,
      engine: 'express-openapi-validator',
      validator: { validateRequests: false },
      security: acceptAll as never,
    }),
  );
});

after(() => Promise.all([service, throwing].map(stop)));

for (const op of contract.operations) {
  describe(`${op.method} ${op.path}`, () => {
    for (const error of op.errors) {
      const status = statusToThrow(op, error.status);
      const skip =
        status === undefined
          ? 'no status left to reach this range'
          : needsClientCertificate(op)
            ? 'mutualTLS: needs a client certificate'
            : false;
      test(`documented ${error.status}: fail(${status}) renders the documented body`, { skip }, async () => {
        const credentials = madeUpCredentials(op);
        const res = await fetch(throwing.url + samplePath(op.path) + credentials.query, {
          method: op.method,
          headers: { [THROW_HEADER]: String(status), ...credentials.headers },
        });
        assert.equal(res.status, status);
        await assertDocumented(op, res);
      });
    }
    const secured = !!op.security?.length && op.security.every((alternative) => alternative.length > 0);
    test('a request without credentials gets a documented 4xx', { skip: !secured && 'not secured' }, async () => {
      const res = await fetch(service.url + samplePath(op.path), { method: op.method });
      assert.ok(res.status >= 400 && res.status < 500, `expected a 401 (or its documented fallback), got ${res.status}`);
      if (op.errors.some((e) => e.status === '401')) assert.equal(res.status, 401);
      await assertDocumented(op, res);
    });
    test('an invalid request (unknown query parameter) gets a documented error', async () => {
      const res = await fetch(`${service.url}${samplePath(op.path)}?__contract_test_unknown__=1`, { method: op.method });
      assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx, got ${res.status}`);
      await assertDocumented(op, res);
    });
    const json = op.body?.contentTypes.find((type) => /json/i.test(type));
    if (json) {
      test('malformed JSON gets a documented error', async () => {
        const res = await fetch(service.url + samplePath(op.path), {
          method: op.method,
          headers: { 'content-type': json },
          body: '{"unterminated',
        });
        // secured operations check credentials before reading the body: 401 comes first
        const expected = secured ? [400, 401, 422] : [400, 422];
        assert.ok(expected.includes(res.status), `expected 400 (or the documented 422${secured ? ', or 401' : ''}), got ${res.status}`);
        await assertDocumented(op, res);
      });
    }
  });
}

describe('the service', () => {
  const unknown = '/__contract_test__/no/such/route/x/y/z';
  test('an unknown route gets 404 with the service error body', {
    skip: matchesAny(unknown) && 'the spec matches every path',
  }, async () => {
    const res = await fetch(service.url + unknown);
    assert.equal(res.status, 404);
    await assertServiceError(res);
  });
  for (const [path, methods] of pathsWithMethods()) {
    const wrong = ['DELETE', 'PATCH', 'PUT', 'POST', 'GET'].find((m) => !methods.includes(m));
    test(`${wrong ?? 'a wrong method'} ${path}: 405 with Allow and the service error body`, {
      skip: !wrong && 'every method is documented',
    }, async () => {
      const res = await fetch(service.url + samplePath(path), { method: wrong ?? 'GET' }); // skipped without one
      assert.equal(res.status, 405);
      assert.ok(res.headers.get('allow'), 'Allow header');
      await assertServiceError(res);
    });
  }
});

/** The status code, content type and body are the ones `op` documents. */
async function assertDocumented(op: OperationContract, res: Response): Promise<void> {
  const exact = String(res.status);
  const documented =
    op.errors.find((e) => e.status === exact) ??
    op.errors.find((e) => e.status === `${exact[0]}XX`) ??
    op.errors.find((e) => e.status === 'default');
  if (!documented) return assertServiceError(res); // the op documents no 4xx at all: the service-level body answers
  const text = await res.text();
  if (!documented.contentType) return assert.equal(text, '', 'documented without content: empty body');
  assertContentType(res, documented.contentType);
  const pointer = checker.schemaPointer(op.path, op.method, documented.status, documented.contentType);
  if (!pointer) return; // documented content without a schema: anything goes
  const body = parse(text, documented.contentType);
  assert.deepEqual(checker.errors(pointer, body), [], `${op.method} ${op.path} ${res.status}: ${text}`);
}

/** Unknown routes and wrong methods answer with the most used documented error schema. */
async function assertServiceError(res: Response): Promise<void> {
  const { contentType } = contract.serviceError;
  assertContentType(res, contentType);
  const text = await res.text();
  const body = parse(text, contentType);
  const candidates = contract.operations.flatMap((op) =>
    op.errors.filter((e) => e.contentType === contentType).map((e) => checker.schemaPointer(op.path, op.method, e.status, e.contentType)),
  );
  const pointers = [...new Set(candidates.filter((p): p is string => p !== undefined))];
  if (pointers.length === 0) return assert.ok(body && typeof body === 'object', `a problem object: ${text}`);
  const fits = pointers.some((pointer) => checker.errors(pointer, body).length === 0);
  assert.ok(fits, `${res.status} body fits no documented ${contentType} error schema: ${text}`);
}

function assertContentType(res: Response, documented: string): void {
  const expected = documented === '*/*' ? 'application/json' : documented.toLowerCase();
  const actual = (res.headers.get('content-type')?.split(';')[0] ?? '').trim().toLowerCase();
  assert.equal(actual, expected, 'content type');
}

function parse(text: string, contentType: string): unknown {
  return /json/i.test(contentType) || contentType === '*/*' ? JSON.parse(text) : text;
}

/** The status that reaches a documented entry: itself, or one its range or `default` alone covers. */
function statusToThrow(op: OperationContract, status: string): number | undefined {
  if (/^[45]\d\d$/.test(status)) return Number(status);
  const taken = new Set(op.errors.map((e) => e.status));
  const range = /^([45])XX$/i.exec(status);
  const candidates = range
    ? hundred(Number(range[1]) * 100)
    : [...hundred(400), ...hundred(500)].filter((s) => !taken.has(`${String(s)[0]}XX`));
  return candidates.find((s) => !taken.has(String(s)));
}

function hundred(start: number): number[] {
  return Array.from({ length: 100 }, (_, i) => start + i);
}

/** A concrete path for an OpenAPI path: every parameter becomes `1` (valid for ids and most strings). */
/** Credentials of the first alternative of the operation's requirements, for verifiers that accept anything. */
function madeUpCredentials(op: OperationContract): { headers: Record<string, string>; query: string } {
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  const cookies: string[] = [];
  for (const { scheme } of op.security?.[0] ?? []) {
    const s = contract.securitySchemes?.[scheme];
    if (!s || s.kind === 'mutualTLS') continue;
    if (s.kind === 'apiKey' && s.in === 'header') headers[s.name] = 'contract-test';
    else if (s.kind === 'apiKey' && s.in === 'query') query.set(s.name, 'contract-test');
    else if (s.kind === 'apiKey') cookies.push(`${s.name}=contract-test`);
    else if (s.kind === 'http' && s.scheme === 'basic')
      headers['Authorization'] = `Basic ${Buffer.from('contract:test').toString('base64')}`;
    else if (s.kind === 'http' && s.scheme !== 'bearer') headers['Authorization'] = `${s.scheme} contract-test`;
    else headers['Authorization'] = 'Bearer contract-test';
  }
  if (cookies.length) headers['Cookie'] = cookies.join('; ');
  const q = query.toString();
  return { headers, query: q ? `?${q}` : '' };
}

function needsClientCertificate(op: OperationContract): boolean {
  return (op.security?.[0] ?? []).some(({ scheme }) => contract.securitySchemes?.[scheme]?.kind === 'mutualTLS');
}

/** The operation's path with sample parameters, under the spec's base path where the service answers. */
function samplePath(path: string): string {
  return (contract.basePath ?? '') + path.replace(/\{[^}]+\}/g, '1');
}

function matchesAny(path: string): boolean {
  return contract.operations.some((op) => new RegExp(op.pattern).test(path));
}

function pathsWithMethods(): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  for (const op of contract.operations)
    paths.set(op.path, [...(paths.get(op.path) ?? []), op.method, ...(op.method === 'GET' ? ['HEAD'] : [])]);
  return paths;
}

async function listen(app: ReturnType<typeof createApp>): Promise<Running> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function stop(running: Running | undefined): Promise<void> {
  if (!running) return Promise.resolve();
  running.server.closeAllConnections();
  return new Promise((resolve) => running.server.close(() => resolve()));
}

/** The checks on single exchanges, leak patterns and media type matching, table-driven. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/operations.js';
import { runChecks, mediaTypeMatches, type CheckContext } from '../../generator/verify/checks.js';
import { findLeaks } from '../../generator/verify/leaks.js';
import { createSchemaValidator } from '../../generator/verify/schemas.js';
import type { Exchange, ProbeKind } from '../../generator/verify/types.js';

const doc = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/pets/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } },
          },
          '4XX': { description: 'bad', content: { 'application/problem+json': { schema: { type: 'object', required: ['title'] } } } },
        },
      },
      delete: { responses: { '204': { description: 'gone' }, default: { description: 'error', content: { 'application/*': {} } } } },
    },
  },
};
const { model } = buildModel(doc);
const ctx: CheckContext = {
  validator: createSchemaValidator(doc),
  operations: new Map(model.operations.map((o) => [o.key, o])),
  methodsByPath: new Map([['/pets/{id}', ['GET', 'DELETE']]]),
};

function exchange(
  operation: string,
  kind: ProbeKind,
  status: number,
  contentType: string | undefined,
  body: string,
  headers: Record<string, string> = {},
): Exchange {
  const h = { ...(contentType ? { 'content-type': contentType } : {}), ...headers };
  return {
    probe: { index: 0, operation, kind, label: 'x', request: { method: 'GET', url: 'http://h/pets/1', headers: {} } },
    response: { status, contentType: contentType?.split(';')[0], headers: h, body, bodyBytes: body.length, durationMs: 1 },
    fullBody: body,
  };
}
const checks = (e: Exchange) => runChecks(e, ctx).map((v) => v.check);

describe('runChecks', () => {
  it.each([
    ['documented 200 with a valid body', exchange('GET /pets/{id}', 'valid', 200, 'application/json; charset=utf-8', '{"id":1}'), []],
    ['undocumented status', exchange('GET /pets/{id}', 'valid', 302, undefined, ''), ['status_documented']],
    ['4XX range covers 418', exchange('GET /pets/{id}', 'invalid', 418, 'application/problem+json', '{"title":"t"}'), []],
    ['wrong content type', exchange('GET /pets/{id}', 'valid', 200, 'text/plain', '{"id":1}'), ['content_type_documented']],
    ['body breaks the schema', exchange('GET /pets/{id}', 'valid', 200, 'application/json', '{"id":"1"}'), ['body_schema_valid']],
    ['body is not JSON', exchange('GET /pets/{id}', 'valid', 200, 'application/json', '<html>'), ['body_schema_valid']],
    ['invalid input accepted', exchange('GET /pets/{id}', 'invalid', 200, 'application/json', '{"id":1}'), ['invalid_input_rejected']],
    [
      'invalid input crashes, 5xx undocumented',
      exchange('GET /pets/{id}', 'invalid', 500, 'application/json', '{}'),
      ['no_server_error_for_invalid_input', 'status_documented'],
    ],
    ['default with a wildcard media type', exchange('DELETE /pets/{id}', 'not_found', 404, 'application/json', '{}'), []],
    ['204 with a body', exchange('DELETE /pets/{id}', 'valid', 204, 'application/json', '{}'), ['content_type_documented']],
    [
      '405 with the right Allow',
      exchange('* /pets/{id}', 'wrong_method', 405, 'application/json', '{}', { allow: 'GET, HEAD, DELETE' }),
      [],
    ],
    ['405 without Allow', exchange('* /pets/{id}', 'wrong_method', 405, 'application/json', '{}'), ['allow_header']],
    [
      '405 with a wrong Allow',
      exchange('* /pets/{id}', 'wrong_method', 405, 'application/json', '{}', { allow: 'GET, PUT' }),
      ['allow_header'],
    ],
    ['wrong method answered 404', exchange('* /pets/{id}', 'wrong_method', 404, 'application/json', '{}'), ['unsupported_method']],
    ['unknown route answered 200', exchange('* (unknown route)', 'unknown_route', 200, 'text/html', 'hi'), ['unknown_route_rejected']],
    ['X-Powered-By', exchange('GET /pets/{id}', 'valid', 200, 'application/json', '{"id":1}', { 'x-powered-by': 'Express' }), ['no_leaks']],
  ])('%s', (_name, given, want) => {
    expect(checks(given)).toEqual(want);
  });

  it('reports a transport failure', () => {
    const e: Exchange = { probe: exchange('GET /pets/{id}', 'valid', 0, undefined, '').probe, error: 'no response within 10 ms' };
    expect(runChecks(e, ctx)).toEqual([{ check: 'response_received', message: 'no response within 10 ms' }]);
  });
});

describe('findLeaks', () => {
  it.each([
    ['node stack frame', 'Error: x\n    at handler (/srv/app/index.js:10:5)', ['stack frame in body', 'absolute file path in body']],
    ['node internal frame', 'at process.processTicksAndRejections (node:internal/process/task_queues:95:5)', ['stack frame in body']],
    ['python trace', 'Traceback (most recent call last):', ['stack frame in body']],
    ['node_modules', 'in node_modules/pg/lib/client.js', ['node_modules path in body']],
    ['windows path, JSON-escaped', '"C:\\\\Users\\\\app\\\\db.js"', ['absolute file path in body']],
    ['windows path raw', 'failed at C:\\Users\\app\\db.js', ['absolute file path in body']],
    ['postgres error', 'duplicate key value violates unique constraint "users_pkey"', ['database error in body']],
    ['sqlite error', 'SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email', ['database error in body']],
    ['SQL statement', 'SELECT id, name FROM users WHERE id = 1', ['SQL statement in body']],
    ['a timestamp is not a frame', '{"detail":"created at 2024-01-02T03:04:05Z"}', []],
    ['an API path is not a file path', '{"instance":"/user/pam","type":"about:blank"}', []],
    ['ordinary prose', 'Select a user from the list, then update it.', []],
  ])('%s', (_name, body, want) => {
    expect(findLeaks({}, body).map((l) => l.kind)).toEqual(want);
  });

  it('looks at headers too', () => {
    expect(findLeaks({ 'x-debug': 'at f (/app/x.js:1:2)', 'x-powered-by': 'PHP' }, '').map((l) => l.kind)).toEqual([
      'x-powered-by header',
      'stack frame in headers',
      'absolute file path in headers',
    ]);
  });
});

describe('mediaTypeMatches', () => {
  it.each([
    ['application/json', 'application/json', true],
    ['application/json; charset=utf-8', 'application/json', true],
    ['application/*', 'application/problem+json', true],
    ['*/*', 'text/html', true],
    ['application/json', 'application/problem+json', false],
    ['application/json', undefined, false],
  ])('%s vs %s', (documented, actual, want) => {
    expect(mediaTypeMatches(documented, actual)).toBe(want);
  });
});

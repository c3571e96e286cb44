import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/operations.js';
import { camelCase, safeIdentifier, NameRegistry } from '../../generator/model/identifiers.js';
import { parsePathTemplate } from '../../generator/model/paths.js';

const doc = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  info: { title: 'T', version: '1' },
  paths,
  ...extra,
});
const ok = { '200': { description: 'ok' } };

describe('names', () => {
  it.each([
    ['operationId kept', { given: 'createUser', want: 'createUser' }],
    ['kebab case', { given: 'get-user-by-id', want: 'getUserById' }],
    ['reserved word', { given: 'delete', want: 'delete_' }],
    ['prototype name', { given: 'constructor', want: 'constructor_' }],
    ['__proto__', { given: '__proto__', want: 'proto' }],
    ['leading digit', { given: '2fa', want: '_2fa' }],
    ['only symbols', { given: '$$$', want: 'op' }],
    ['quotes and code', { given: "a'); process.exit(1); ('", want: 'aProcessExit1' }],
  ])('%s', (_name, { given, want }) => {
    const id = safeIdentifier(camelCase(given), 'op');
    expect(id).toBe(want);
    expect(id).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
  });

  it('resolves collisions deterministically and case-insensitively', () => {
    const names = new NameRegistry();
    expect(['userId', 'userId', 'UserId', 'userId2'].map((n) => names.claim(n).name)).toEqual(['userId', 'userId2', 'UserId3', 'userId22']);
  });
});

describe('paths', () => {
  it.each([
    ['plain', { given: '/user/{username}', hit: '/user/pam', miss: '/user/pam/x', params: ['username'] }],
    ['colon stays literal', { given: '/files:upload', hit: '/files:upload', miss: '/filesXupload', params: [] }],
    ['parentheses stay literal', { given: '/a(b)', hit: '/a(b)', miss: '/ab', params: [] }],
    ['two params in one segment', { given: '/{a}-{b}', hit: '/x-y', miss: '/x/y', params: ['a', 'b'] }],
    ['dot between params', { given: '/{a}.{b}', hit: '/x.y', miss: '/xy', params: ['a', 'b'] }],
    ['regex syntax is escaped', { given: '/a.b*', hit: '/a.b*', miss: '/aXbbb', params: [] }],
  ])('%s', (_name, { given, hit, miss, params }) => {
    const t = parsePathTemplate(given);
    const regex = new RegExp(t.pattern);
    expect(regex.test(hit)).toBe(true);
    expect(regex.test(miss)).toBe(false);
    expect(t.params).toEqual(params);
  });
});

describe('buildModel', () => {
  it('sorts operations by path then method, fixed segments before parameters', () => {
    const { model } = buildModel(
      doc({
        '/users/{id}': { delete: { responses: ok }, get: { responses: ok } },
        '/users/me': { get: { responses: ok } },
        '/a': { post: { responses: ok } },
      }),
    );
    expect(model.operations.map((o) => o.key)).toEqual(['POST /a', 'GET /users/me', 'GET /users/{id}', 'DELETE /users/{id}']);
  });

  it('names operations from operationId, else method + path, and reports collisions', () => {
    const { model, problems } = buildModel(
      doc({
        '/user-id': { get: { responses: ok } },
        '/user_id': { get: { responses: ok } },
        '/x': { get: { operationId: 'getUserId', responses: ok } },
      }),
    );
    expect(model.operations.map((o) => o.name)).toEqual(['getUserId', 'getUserId2', 'getUserId3']);
    expect(problems.map((p) => p.code)).toEqual(['NAME_COLLISION', 'NAME_COLLISION']);
  });

  it('merges path-level and operation-level params, resolves refs, sorts responses with ranges and default last', () => {
    const { model } = buildModel(
      doc(
        {
          '/t/{id}': {
            parameters: [{ $ref: '#/components/parameters/Id' }, { name: 'q', in: 'query', schema: { type: 'string' } }],
            get: {
              parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'integer' } }],
              responses: {
                default: { description: 'd' },
                '5XX': { description: 'x' },
                '404': { $ref: '#/components/responses/NotFound' },
                '200': { description: 'ok' },
                '4xx': { description: 'y' },
              },
            },
          },
        },
        {
          components: {
            parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
            responses: {
              NotFound: {
                description: 'nf',
                content: { 'application/json': { schema: { type: 'object' } }, 'application/problem+json': { schema: { type: 'object' } } },
              },
            },
          },
        },
      ),
    );
    const op = model.operations[0];
    expect(op.params.map((p) => [p.in, p.name, p.required, p.type])).toEqual([
      ['path', 'id', true, 'integer'],
      ['query', 'q', true, 'integer'],
    ]);
    expect(op.responses.map((r) => [r.status, r.isError])).toEqual([
      ['200', false],
      ['404', true],
      ['4XX', true],
      ['5XX', true],
      ['default', true],
    ]);
    const notFound = op.responses[1];
    expect(notFound.component).toBe('NotFound');
    expect(notFound.errorContent?.contentType).toBe('application/problem+json');
    expect(notFound.errorContent?.schemaPointer).toBe('#/components/responses/NotFound/content/application~1problem+json/schema');
  });
});

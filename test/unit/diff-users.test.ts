/**
 * diff over two versions of the users spec (test/fixtures/diff/users-v1.yaml is specs/users.yaml,
 * users-v2.yaml lists its changes at the top). Each expected change carries its breaking flag.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { diffSpecs, type Change } from '../../generator/diff/index.js';

const V1 = 'test/fixtures/diff/users-v1.yaml';
const V2 = 'test/fixtures/diff/users-v2.yaml';
const diff = (a: string, b: string) => diffSpecs(loadSpec(a), loadSpec(b));
const brief = (c: Change) => ({ operation: c.operation, kind: c.kind, status: c.status, field: c.field, breaking: c.breaking });

describe('users v1 -> v2', () => {
  const { changes, summary } = diff(V1, V2);

  it.each<[string, Partial<Change>]>([
    ['getUser adds 409: no range covers it', { operation: 'GET /user/{username}', kind: 'status-added', status: '409', breaking: true }],
    ['deleteUser drops 404', { operation: 'DELETE /user/{username}', kind: 'status-removed', status: '404', breaking: false }],
    ['listUsers 400 becomes problem+json', { operation: 'GET /user/', kind: 'content-type-changed', status: '400', breaking: true }],
    ['createUser 409 loses detail', { operation: 'POST /user/', kind: 'schema-changed', status: '409', field: 'detail', breaking: true }],
    [
      'createUser 409 gains message',
      { operation: 'POST /user/', kind: 'schema-changed', status: '409', field: 'message', breaking: false },
    ],
    ['createUser 409 gains code', { operation: 'POST /user/', kind: 'schema-changed', status: '409', field: 'code', breaking: false }],
    [
      'updateUser 409 loses detail',
      { operation: 'PATCH /user/{username}', kind: 'schema-changed', status: '409', field: 'detail', breaking: true },
    ],
  ])('%s', (_name, want) => {
    expect(changes.map(brief)).toContainEqual({ field: undefined, ...want });
  });

  it('reports nothing else', () => {
    expect(changes).toHaveLength(9);
    expect(summary).toEqual({ breaking: 4, nonBreaking: 5 });
  });

  it('places additions in the new file and removals in the old one', () => {
    const added = changes.find((c) => c.kind === 'status-added')!;
    expect(added.new).toEqual({ file: V2, line: 92, pointer: '#/paths/~1user~1{username}/get/responses/409' });
    const removed = changes.find((c) => c.kind === 'status-removed')!;
    expect(removed.old).toEqual({ file: V1, line: 121, pointer: '#/paths/~1user~1{username}/delete/responses/404' });
    expect(removed.new).toBeUndefined();
  });

  it('groups changes by path, then method', () => {
    expect([...new Set(changes.map((c) => c.operation))]).toEqual([
      'GET /user/',
      'POST /user/',
      'DELETE /user/{username}',
      'GET /user/{username}',
      'PATCH /user/{username}',
    ]);
  });
});

describe('identical and reversed specs', () => {
  it('finds no changes between a spec and itself', () => {
    expect(diff(V1, V1).changes).toEqual([]);
  });

  it('going back from v2 to v1 flips what breaks', () => {
    const back = diff(V2, V1).changes.map(brief);
    expect(back).toContainEqual({
      operation: 'GET /user/{username}',
      kind: 'status-removed',
      status: '409',
      field: undefined,
      breaking: false,
    });
    expect(back).toContainEqual({
      operation: 'DELETE /user/{username}',
      kind: 'status-added',
      status: '404',
      field: undefined,
      breaking: true,
    });
  });
});

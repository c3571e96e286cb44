/**
 * The classification table of generator/diff/index.ts, one row per rule, over shapes-v1/v2.yaml:
 * matching (param rename, operationId move), ranges, bodies and structural schema changes.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { diffSpecs, type Change } from '../../generator/diff/index.js';

const { changes } = diffSpecs(loadSpec('test/fixtures/diff/shapes-v1.yaml'), loadSpec('test/fixtures/diff/shapes-v2.yaml'));
const GET = 'GET /orders/{orderId}';
const pick = (where: Partial<Change>) => changes.filter((c) => Object.entries(where).every(([k, v]) => c[k as keyof Change] === v));

describe('operations', () => {
  it.each<[string, Partial<Change>, boolean]>([
    ['added', { kind: 'operation-added', operation: 'GET /health' }, false],
    ['removed', { kind: 'operation-removed', operation: 'GET /legacy' }, true],
    ['moved, matched by operationId', { kind: 'operation-moved', operation: 'POST /orders/{orderId}/cancellation' }, true],
  ])('%s', (_name, where, breaking) => {
    expect(pick(where)).toEqual([expect.objectContaining({ breaking })]);
  });

  it('a renamed path parameter is the same operation', () => {
    expect(pick({ operation: GET, kind: 'operation-moved' })).toEqual([]);
    expect(pick({ operation: GET, kind: 'operation-added' })).toEqual([]);
  });
});

describe('statuses and bodies', () => {
  it.each<[string, Partial<Change>, boolean]>([
    ['404 added under an existing 4XX', { operation: GET, kind: 'status-added', status: '404' }, false],
    ['500 gains a body', { operation: GET, kind: 'body-added', status: '500' }, false],
    ['409 loses its body', { kind: 'body-removed', status: '409' }, true],
  ])('%s', (_name, where, breaking) => {
    expect(pick(where)).toEqual([expect.objectContaining({ breaking })]);
  });
});

describe('schema changes (4XX body, same Error schema on both sides)', () => {
  it.each<[string, string, boolean, RegExp]>([
    ['enum value added', 'code', true, /may now be "d"/],
    ['enum value removed', 'code', false, /no longer "c"/],
    ['const changed', 'kind', true, /was always "error", now "failure"/],
    ['type widened to nullable', 'message', true, /from string to null\|string/],
    ['required field made optional', 'retry', true, /no longer required/],
    ['integer widened to number', 'retry', true, /from integer to number/],
    ['number narrowed to integer', 'count', false, /narrowed from number to integer/],
    ['enum dropped', 'level', true, /no longer limited to "low", "high"/],
    ['optional field added', 'hint', false, /optional field hint added/],
  ])('%s', (_name, field, breaking, message) => {
    const hits = pick({ operation: GET, status: '4XX', kind: 'schema-changed', field }).filter((c) => message.test(c.message));
    expect(hits).toEqual([expect.objectContaining({ breaking })]);
  });

  it('compares a newly covered status against the range that covered it', () => {
    expect(pick({ operation: GET, status: '404', kind: 'schema-changed' })).toHaveLength(9);
  });
});

/**
 * diff on security requirements (test/fixtures/diff/security-v1.yaml -> -v2.yaml): one operation per
 * kind of change, each with its breaking flag, and nothing for an unchanged requirement. Optional
 * credentials (`- {}`) are told apart from public.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { diffSpecs, type Change } from '../../generator/diff/index.js';

const { changes } = diffSpecs(loadSpec('test/fixtures/diff/security-v1.yaml'), loadSpec('test/fixtures/diff/security-v2.yaml'));
const brief = (c: Change) => ({ operation: c.operation, kind: c.kind, breaking: c.breaking });

describe('security requirement changes', () => {
  it.each<[string, boolean, RegExp]>([
    ['GET /opens', true, /from public to key: clients written for the old spec send no credentials/],
    ['GET /closes', false, /now public/],
    ['GET /adds-alternative', false, /every old way to authenticate still works/],
    ['GET /adds-scope', true, /oauth \[read\].*are refused/],
    ['GET /drops-scope', false, /still works/],
    ['GET /becomes-optional', false, /from key to optional \(key\): credentials are now optional/],
    [
      'GET /optional-swaps',
      false,
      /from optional \(key\) to optional \(oauth \[read\]\): nobody is refused, but clients that authenticate with key are now anonymous/,
    ],
    ['GET /becomes-required', true, /from optional \(key\) to key: clients that sent no credentials are refused/],
    ['GET /swaps-scheme', true, /authenticate with key are refused/],
  ])('%s: breaking %s', (operation, breaking, message) => {
    const change = changes.find((c) => c.operation === operation && c.kind === 'security-changed');
    expect(change && brief(change)).toEqual({ operation, kind: 'security-changed', breaking });
    expect(change!.message).toMatch(message);
    expect(change!.new?.line).toBeGreaterThan(0);
  });

  it('an unchanged requirement is no change', () => {
    expect(changes.filter((c) => c.operation === 'GET /same')).toEqual([]);
    expect(changes.filter((c) => c.kind === 'security-changed')).toHaveLength(9);
  });
});

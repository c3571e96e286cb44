/**
 * The matcher's candidate index (by slash count and literal first segment) must choose exactly what
 * trying every template in contract order chooses: same operation, same parameters, same 404/405.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMatcher } from '../../templates/runtime/match.js';
import { parsePathTemplate } from '../../generator/model/paths.js';
import type { OperationContract } from '../../templates/runtime/contract.js';

const TEMPLATES: Array<[string, string]> = [
  ['GET', '/repos/{owner}/{repo}'],
  ['GET', '/repos/{owner}/{repo}/issues'],
  ['POST', '/repos/{owner}/{repo}/issues'],
  ['GET', '/repos/{owner}/{repo}/issues/{number}'],
  ['GET', '/users/{username}'],
  ['GET', '/users/me'],
  ['GET', '/{tenant}/settings'],
  ['DELETE', '/{tenant}/{thing}'],
  ['GET', '/files/{name}.{ext}'],
  ['GET', '/a/{x}/b'],
  ['GET', '/a/b/{y}'],
];

function operations(): OperationContract[] {
  return TEMPLATES.map(([method, path]) => {
    const t = parsePathTemplate(path);
    return {
      name: `${method} ${path}`,
      method,
      path,
      pattern: t.pattern,
      pathParams: t.params,
      sortKey: t.sortKey,
    } as unknown as OperationContract & { sortKey: string };
  }).sort((a, b) => ((a as any).sortKey < (b as any).sortKey ? -1 : 1));
}

/** The reference: every templated path in contract order, first regex that matches wins. */
function naive(ops: OperationContract[], method: string, path: string) {
  const paths = [...new Set(ops.map((o) => o.path))];
  const literal = paths.find((p) => !p.includes('{') && p === path);
  const hit = literal ?? paths.find((p) => p.includes('{') && new RegExp(ops.find((o) => o.path === p)!.pattern).test(path));
  if (!hit) return { kind: 'none' };
  const op = ops.find((o) => o.path === hit && (o.method === method || (method === 'HEAD' && o.method === 'GET')));
  if (!op) return { kind: 'method' };
  const groups = new RegExp(op.pattern).exec(path)!.slice(1);
  return { kind: 'operation', name: op.name, groups };
}

describe('createMatcher', () => {
  const ops = operations();
  const match = createMatcher(ops);
  const simplify = (m: ReturnType<typeof match>) =>
    m.kind === 'operation' ? { kind: m.kind, name: m.operation.name, groups: m.rawParams } : { kind: m.kind };

  it.each([
    ['GET', '/repos/o/r/issues/7', 'GET /repos/{owner}/{repo}/issues/{number}'],
    ['GET', '/users/me', 'GET /users/me'],
    ['GET', '/users/pam', 'GET /users/{username}'],
    ['GET', '/acme/settings', 'GET /{tenant}/settings'],
    ['GET', '/users/settings', 'GET /users/{username}'],
    ['GET', '/files/a.txt', 'GET /files/{name}.{ext}'],
    ['GET', '/a/b/b', 'GET /a/b/{y}'], // literal segments first, as the contract orders them
    ['GET', '/a/c/b', 'GET /a/{x}/b'],
  ])('%s %s -> %s', (method, path, want) => {
    const got = match(method, path);
    expect(got.kind === 'operation' && got.operation.name).toBe(want);
  });

  it('agrees with trying every template in order, on any path', () => {
    const segment = fc.oneof(
      fc.constantFrom('repos', 'users', 'me', 'issues', 'settings', 'files', 'a', 'b', 'x.y', ''),
      fc.stringMatching(/^[a-z.]{1,4}$/),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('GET', 'POST', 'DELETE', 'HEAD', 'PUT'),
        (segments, method) => {
          const path = '/' + segments.join('/');
          expect(simplify(match(method, path))).toEqual(naive(ops, method, path));
        },
      ),
      { seed: 19, numRuns: 2000 },
    );
  });
});

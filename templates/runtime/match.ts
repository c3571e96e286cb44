/**
 * Finds the operation for a request with the anchored regexes from the contract. Literal paths are
 * looked up in a Map first, so the common case costs one hash lookup; templated paths are tried in
 * contract order (literal segments before parameters), but only those that could match: a parameter
 * never spans a `/`, so a template matches only paths with its number of slashes, and only paths
 * whose first segment is its own when that segment is literal. On GitHub's spec that is a handful of
 * regexes per request instead of hundreds, so the cost of a request does not grow with the spec.
 * Request paths and spec paths are compared in the same RFC 3986 normal form (canonical-path.ts; the
 * contract's patterns are built from it).
 */
import type { OperationContract } from './contract.js';
import { canonicalPath } from './canonical-path.js';

export type Match =
  | { kind: 'operation'; operation: OperationContract; rawParams: string[] }
  | { kind: 'method'; allow: string[] }
  | { kind: 'none' };

interface PathEntry {
  regex: RegExp;
  byMethod: Map<string, OperationContract>;
  allow: string[];
}

export function createMatcher(operations: readonly OperationContract[]): (method: string, path: string) => Match {
  const entries: PathEntry[] = [];
  const templates: string[] = [];
  const literal = new Map<string, PathEntry>();
  const byPath = new Map<string, PathEntry>();
  for (const op of operations) {
    let entry = byPath.get(op.path);
    if (!entry) {
      entry = { regex: new RegExp(op.pattern), byMethod: new Map(), allow: [] };
      byPath.set(op.path, entry);
      if (op.pathParams.length === 0) literal.set(canonicalPath(op.path), entry);
      else {
        entries.push(entry);
        templates.push(op.path);
      }
    }
    entry.byMethod.set(op.method, op);
  }
  for (const entry of byPath.values()) {
    const methods = new Set(entry.byMethod.keys());
    if (methods.has('GET')) methods.add('HEAD');
    entry.allow = [...methods].sort();
  }
  const candidatesFor = candidateIndex(entries, templates);
  return (method, rawPath) => {
    const path = canonicalPath(rawPath);
    let entry = literal.get(path);
    let groups: string[] = [];
    if (!entry) {
      for (const candidate of candidatesFor(path)) {
        const m = candidate.regex.exec(path);
        if (m) {
          entry = candidate;
          groups = m.slice(1);
          break;
        }
      }
    }
    if (!entry) return { kind: 'none' };
    const operation = entry.byMethod.get(method) ?? (method === 'HEAD' ? entry.byMethod.get('GET') : undefined);
    if (!operation) return { kind: 'method', allow: entry.allow };
    return { kind: 'operation', operation, rawParams: groups };
  };
}

/**
 * Templated entries grouped by slash count, then by literal first segment; each list keeps contract
 * order, and entries whose first segment has a parameter are in every list of their slash count.
 */
function candidateIndex<E>(entries: readonly E[], templates: readonly string[]): (path: string) => readonly E[] {
  const bySlashes = new Map<number, { byFirst: Map<string, E[]>; paramFirst: E[] }>();
  const slashes = (text: string) => {
    let n = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 47) n++;
    return n;
  };
  const firstSegment = (text: string) => text.slice(1, (text.indexOf('/', 1) + 1 || text.length + 1) - 1);
  entries.forEach((entry, i) => {
    const template = templates[i] ?? '';
    const count = slashes(template);
    let group = bySlashes.get(count);
    if (!group) bySlashes.set(count, (group = { byFirst: new Map(), paramFirst: [] }));
    const first = firstSegment(template);
    if (first.includes('{')) {
      group.paramFirst.push(entry);
      for (const list of group.byFirst.values()) list.push(entry);
    } else {
      // request paths arrive canonical (canonicalPath), so the literal first segment is keyed the same way
      const key = canonicalPath(first);
      let list = group.byFirst.get(key);
      if (!list) group.byFirst.set(key, (list = [...group.paramFirst]));
      list.push(entry);
    }
  });
  const none: E[] = [];
  return (path) => {
    const group = bySlashes.get(slashes(path));
    if (!group) return none;
    return group.byFirst.get(firstSegment(path)) ?? group.paramFirst;
  };
}

/** Decodes path parameters; undefined when a parameter is not valid percent-encoding or holds a NUL. */
export function decodeParams(names: readonly string[], raw: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = Object.create(null);
  let i = 0;
  for (const name of names) {
    let value: string;
    try {
      value = decodeURIComponent(raw[i++] ?? '');
    } catch {
      return undefined;
    }
    if (value.includes('\u0000')) return undefined;
    params[name] = value;
  }
  return params;
}

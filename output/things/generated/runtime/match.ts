/**
 * Finds the operation for a request with the anchored regexes from the contract. Literal paths are
 * looked up in a Map first, so the common case costs one hash lookup; templated paths are tried in
 * contract order (literal segments before parameters). Request paths and spec paths are compared in
 * the same RFC 3986 normal form (canonical-path.ts; the contract's patterns are built from it).
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
  const literal = new Map<string, PathEntry>();
  const byPath = new Map<string, PathEntry>();
  for (const op of operations) {
    let entry = byPath.get(op.path);
    if (!entry) {
      entry = { regex: new RegExp(op.pattern), byMethod: new Map(), allow: [] };
      byPath.set(op.path, entry);
      if (op.pathParams.length === 0) literal.set(canonicalPath(op.path), entry);
      else entries.push(entry);
    }
    entry.byMethod.set(op.method, op);
  }
  for (const entry of byPath.values()) {
    const methods = new Set(entry.byMethod.keys());
    if (methods.has('GET')) methods.add('HEAD');
    entry.allow = [...methods].sort();
  }
  return (method, rawPath) => {
    const path = canonicalPath(rawPath);
    let entry = literal.get(path);
    let groups: string[] = [];
    if (!entry) {
      for (const candidate of entries) {
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

/** Decodes path parameters; undefined when a parameter is not valid percent-encoding or holds a NUL. */
export function decodeParams(names: readonly string[], raw: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = Object.create(null);
  for (let i = 0; i < names.length; i++) {
    let value: string;
    try {
      value = decodeURIComponent(raw[i]);
    } catch {
      return undefined;
    }
    if (value.includes('\u0000')) return undefined;
    params[names[i]] = value;
  }
  return params;
}

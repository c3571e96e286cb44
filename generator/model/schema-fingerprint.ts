/**
 * Structural fingerprint of a schema: two schemas that accept the same documents in the same way get
 * the same string, wherever they live. `$ref`s are followed (a component and an inline copy of it
 * match), annotations are ignored (a different `description` is not a different contract), and
 * order-free keywords (`required`, `enum`, `type` lists) are sorted.
 */
import { resolveLocal } from '../load/local-ref.js';

type Obj = Record<string, unknown>;

/** Keywords that document a schema without changing which bodies it accepts. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  'deprecated',
  '$comment',
  'xml',
  'readOnly',
  'writeOnly',
  'discriminator',
]);
const UNORDERED = new Set(['required', 'enum', 'type']);
/** Deeper than any hand-written error schema; stops pathological specs from costing seconds. */
const MAX_DEPTH = 48;

/** Returns a memoised fingerprint function for one document. */
export function createFingerprinter(doc: Obj): (node: unknown) => string {
  const memo = new Map<string, string>();

  function visit(node: unknown, active: Set<string>, depth: number): string {
    if (depth > MAX_DEPTH) return '"…"';
    if (Array.isArray(node)) return `[${node.map((n) => visit(n, active, depth + 1)).join(',')}]`;
    if (node === null || typeof node !== 'object') return JSON.stringify(node) ?? 'null';
    const ref = (node as Obj).$ref;
    if (typeof ref === 'string') return visitRef(ref, active, depth);
    const keys = Object.keys(node)
      .filter((k) => !ANNOTATIONS.has(k) && !k.startsWith('x-'))
      .sort();
    const parts = keys.map((k) => `${JSON.stringify(k)}:${visitKeyword(k, (node as Obj)[k], active, depth)}`);
    return `{${parts.join(',')}}`;
  }

  function visitKeyword(key: string, value: unknown, active: Set<string>, depth: number): string {
    if (UNORDERED.has(key) && Array.isArray(value)) {
      return `[${value
        .map((v) => JSON.stringify(v) ?? 'null')
        .sort()
        .join(',')}]`;
    }
    return visit(value, active, depth + 1);
  }

  function visitRef(ref: string, active: Set<string>, depth: number): string {
    const cached = memo.get(ref);
    if (cached !== undefined) return cached;
    // A recursive schema (a tree of errors) is identified by where the recursion points.
    if (active.has(ref) || !ref.startsWith('#')) return `{"$ref":${JSON.stringify(ref)}}`;
    active.add(ref);
    const result = visit(resolveLocal(doc, { $ref: ref }), active, depth);
    active.delete(ref);
    memo.set(ref, result);
    return result;
  }

  return (node) => visit(node, new Set(), 0);
}

/**
 * Following local `$ref`s (`#/components/...`) in the bundled document. Every phase after load reads
 * the document through this (model, lint, verify, diff); load's structural check (validate.ts) has
 * already reported dangling, looping and over-long chains, so here a broken chain is just undefined.
 */
import { valueAt } from '../../templates/runtime/json-pointer.js';

/** Longer `$ref` chains than this are reported (REF_TOO_DEEP) and never followed. */
export const MAX_REF_CHAIN = 64;

/** `node`, or what its chain of local `$ref`s ends at; undefined when the chain is broken or too long. */
export function resolveLocal(doc: Record<string, unknown>, node: unknown): unknown {
  for (let i = 0; i < MAX_REF_CHAIN; i++) {
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return node;
    node = valueAt(doc, ref);
  }
  return undefined;
}

/** A document node as an object to read properties from: `{}` for anything that is not a plain object. */
export function asObj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

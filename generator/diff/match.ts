/**
 * Pairs the operations of two spec versions. In order: the same method and path; the same method and
 * path once parameter names are ignored (`/user/{id}` -> `/user/{userId}` is the same URL to a client);
 * then the same operationId (the path itself was renamed, which the diff reports as a move).
 */
import type { ModelOperation } from '../model/types.js';

export interface OperationMatch {
  pairs: { old: ModelOperation; new: ModelOperation; moved: boolean }[];
  added: ModelOperation[];
  removed: ModelOperation[];
}

type Key = (op: ModelOperation) => string | undefined;

const exactKey: Key = (op) => op.key;
const shapeKey: Key = (op) => `${op.method} ${op.path.replace(/\{[^}]*\}/g, '{}')}`;
const operationIdKey: Key = (op) => op.operationId;

export function matchOperations(oldOps: readonly ModelOperation[], newOps: readonly ModelOperation[]): OperationMatch {
  let oldLeft = [...oldOps];
  let newLeft = [...newOps];
  const pairs: OperationMatch['pairs'] = [];
  for (const [key, moved] of [
    [exactKey, false],
    [shapeKey, false],
    [operationIdKey, true],
  ] as const) {
    const byKey = new Map<string, ModelOperation>();
    for (const op of newLeft) {
      const k = key(op);
      if (k !== undefined && !byKey.has(k)) byKey.set(k, op);
    }
    const matched = new Set<ModelOperation>();
    oldLeft = oldLeft.filter((op) => {
      const k = key(op);
      const partner = k === undefined ? undefined : byKey.get(k);
      if (!partner || matched.has(partner)) return true;
      matched.add(partner);
      pairs.push({ old: op, new: partner, moved: moved && op.path !== partner.path });
      return false;
    });
    newLeft = newLeft.filter((op) => !matched.has(op));
  }
  return { pairs, added: newLeft, removed: oldLeft };
}

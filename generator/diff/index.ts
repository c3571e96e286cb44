/**
 * diff: the error-contract changes between two versions of a spec, each marked breaking or not for
 * CLIENTS (code written against the old spec, calling a service built from the new one).
 *
 * Classification (why):
 * - operation added: not breaking (no client calls it yet). Removed or moved to another path
 *   (matched by operationId): breaking, the client's URL stops working.
 * - error status added: breaking, the client has no branch for it, UNLESS the old operation already
 *   documented a range or `default` covering it (`4XX` covers 409): the client handles that through
 *   its range branch; the new body is then compared with the old covering one.
 * - error status removed: not breaking; a handler for a status that never arrives does no harm.
 * - content type of the error body changed: breaking (clients pick a parser by content type).
 * - body added to an error that had none: not breaking. Body removed: breaking (clients read it).
 * - schema (compared structurally, `$ref`s followed, annotations ignored): a field removed or no
 *   longer required, a type widened, enum values added, a const changed, a new oneOf/anyOf variant:
 *   breaking. A field added (optional or required), a field made required, a type narrowed, enum
 *   values removed, a variant dropped: not breaking.
 * - security requirements (security.ts): public -> secured, or an old way to authenticate no longer
 *   accepted: breaking. Secured -> public, a new alternative, fewer scopes: not breaking.
 */
import type { LoadedSpec } from '../load/index.js';
import { valueAt } from '../../templates/runtime/json-pointer.js';
import { buildModel } from '../model/operations.js';
import type { ModelOperation, ModelResponse } from '../model/types.js';
import { firstStatusCovering } from '../model/status-coverage.js';
import { matchOperations } from './match.js';
import { createSchemaDiff } from './schema-diff.js';
import { diffSecurity } from './security.js';
import type { Change, DiffResult, Place } from './types.js';

export type { Change, ChangeKind, DiffResult } from './types.js';

type Obj = Record<string, unknown>;
interface Side {
  doc: Obj;
  locate: LoadedSpec['locate'];
}

export function diffSpecs(oldSpec: LoadedSpec, newSpec: LoadedSpec): DiffResult {
  if (!oldSpec.document || !newSpec.document) return { changes: [], summary: { breaking: 0, nonBreaking: 0 } };
  const before: Side = { doc: oldSpec.document, locate: oldSpec.locate };
  const after: Side = { doc: newSpec.document, locate: newSpec.locate };
  const match = matchOperations(buildModel(before.doc).model.operations, buildModel(after.doc).model.operations);
  const schemaDiff = createSchemaDiff({ oldDoc: before.doc, newDoc: after.doc });
  const place = (side: Side, pointer: string): Place => ({ ...side.locate(pointer), pointer });
  const changes: Change[] = [];

  for (const op of match.removed)
    changes.push({ kind: 'operation-removed', ...ids(op), breaking: true, message: `${op.key} removed`, old: place(before, op.pointer) });
  for (const op of match.added)
    changes.push({ kind: 'operation-added', ...ids(op), breaking: false, message: `${op.key} added`, new: place(after, op.pointer) });
  for (const pair of match.pairs) {
    if (pair.moved)
      changes.push({
        kind: 'operation-moved',
        ...ids(pair.new),
        breaking: true,
        message: `${pair.old.key} moved to ${pair.new.key}`,
        old: place(before, pair.old.pointer),
        new: place(after, pair.new.pointer),
      });
    changes.push(...diffOperation(pair.old, pair.new));
  }

  function diffOperation(oldOp: ModelOperation, newOp: ModelOperation): Change[] {
    const oldErrors = oldOp.responses.filter((r) => r.isError);
    const newErrors = newOp.responses.filter((r) => r.isError);
    const out: Change[] = [];
    const base = { ...ids(newOp) };
    const security = diffSecurity(oldOp, newOp);
    if (security)
      out.push({ kind: 'security-changed', ...base, ...security, old: place(before, oldOp.pointer), new: place(after, newOp.pointer) });
    for (const r of oldErrors) {
      if (!newErrors.some((n) => n.status === r.status))
        out.push({
          kind: 'status-removed',
          ...base,
          status: r.status,
          breaking: false,
          message: `${r.status} removed`,
          old: place(before, r.pointer),
        });
    }
    for (const r of newErrors) {
      const same = oldErrors.find((o) => o.status === r.status);
      if (same) {
        out.push(...diffResponse(same, r, base));
        continue;
      }
      const cover = firstStatusCovering(
        oldErrors.map((o) => o.status),
        [r.status],
      );
      const message = cover
        ? `${r.status} added (clients already handle it as ${cover})`
        : `${r.status} added; clients written for the old spec do not expect it`;
      out.push({ kind: 'status-added', ...base, status: r.status, breaking: !cover, message, new: place(after, r.pointer) });
      if (cover) out.push(...diffResponse(oldErrors.find((o) => o.status === cover)!, r, base));
    }
    return out;
  }

  function diffResponse(oldR: ModelResponse, newR: ModelResponse, base: Pick<Change, 'operation' | 'operationId'>): Change[] {
    const at = { ...base, status: newR.status, old: place(before, oldR.pointer), new: place(after, newR.pointer) };
    const a = oldR.errorContent;
    const b = newR.errorContent;
    if (!a && !b) return [];
    if (!a) return [{ kind: 'body-added', ...at, breaking: false, message: `${newR.status} now has a body (${b!.contentType})` }];
    if (!b) return [{ kind: 'body-removed', ...at, breaking: true, message: `${newR.status} no longer has a body (was ${a.contentType})` }];
    const out: Change[] = [];
    if (a.contentType !== b.contentType)
      out.push({
        kind: 'content-type-changed',
        ...at,
        breaking: true,
        message: `${newR.status} body changed from ${a.contentType} to ${b.contentType}`,
      });
    if (a.schemaPointer && b.schemaPointer) {
      for (const c of schemaDiff(valueAt(before.doc, a.schemaPointer), valueAt(after.doc, b.schemaPointer))) {
        out.push({ kind: 'schema-changed', ...at, field: c.field, breaking: c.breaking, message: `${newR.status} body: ${c.message}` });
      }
    }
    return out;
  }

  changes.sort(compareChanges);
  const breaking = changes.filter((c) => c.breaking).length;
  return { changes, summary: { breaking, nonBreaking: changes.length - breaking } };
}

function ids(op: ModelOperation): Pick<Change, 'operation' | 'operationId'> {
  return op.operationId ? { operation: op.key, operationId: op.operationId } : { operation: op.key };
}

/** Grouped by operation (path, then method), then status; stable within a status. */
function compareChanges(a: Change, b: Change): number {
  const path = (c: Change) => c.operation.slice(c.operation.indexOf(' ') + 1);
  return path(a).localeCompare(path(b)) || a.operation.localeCompare(b.operation) || (a.status ?? '').localeCompare(b.status ?? '');
}

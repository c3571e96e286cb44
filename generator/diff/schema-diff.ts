/**
 * Structural comparison of two error-body schemas from the point of view of a client that READS the
 * body: anything that can make a body written to the new schema surprise code written for the old one
 * is breaking (a field it reads disappears or may be absent, a type or enum value it does not handle
 * appears); anything that only narrows what can arrive or adds fields is not.
 */
import { createFingerprinter } from '../model/schema-fingerprint.js';
import { shapeOf, type Shape } from './schema-shape.js';

type Obj = Record<string, unknown>;

export interface SchemaChange {
  /** `(body)`, `detail`, `detail[].loc` */
  field: string;
  breaking: boolean;
  message: string;
}

export interface SchemaDiffContext {
  oldDoc: Obj;
  newDoc: Obj;
}

/** Deep enough for real error bodies; stops recursive schemas. */
const MAX_DEPTH = 12;

export function createSchemaDiff(ctx: SchemaDiffContext): (oldSchema: unknown, newSchema: unknown) => SchemaChange[] {
  const oldFp = createFingerprinter(ctx.oldDoc);
  const newFp = createFingerprinter(ctx.newDoc);
  const same = (a: unknown, b: unknown) => oldFp(a) === newFp(b);

  function compare(a: unknown, b: unknown, field: string, depth: number, out: SchemaChange[]): void {
    if (depth > MAX_DEPTH || same(a, b)) return;
    const before = shapeOf(ctx.oldDoc, a);
    const after = shapeOf(ctx.newDoc, b);
    compareTypes(before, after, field, out);
    compareValues(before, after, field, out);
    compareFields(before, after, field, depth, out);
    if (before.items !== undefined && after.items !== undefined)
      compare(before.items, after.items, `${field === '(body)' ? '' : field}[]`, depth + 1, out);
    compareVariants(before, after, field, depth, out);
  }

  function compareFields(before: Shape, after: Shape, field: string, depth: number, out: SchemaChange[]): void {
    const at = (name: string) => (field === '(body)' ? name : `${field}.${name}`);
    for (const [name, schema] of before.properties) {
      if (!after.properties.has(name)) {
        out.push({ field: at(name), breaking: true, message: `field ${at(name)} removed` });
        continue;
      }
      if (before.required.has(name) && !after.required.has(name))
        out.push({ field: at(name), breaking: true, message: `field ${at(name)} is no longer required` });
      if (!before.required.has(name) && after.required.has(name))
        out.push({ field: at(name), breaking: false, message: `field ${at(name)} is now required` });
      compare(schema, after.properties.get(name), at(name), depth + 1, out);
    }
    for (const name of after.properties.keys()) {
      if (!before.properties.has(name))
        out.push({
          field: at(name),
          breaking: false,
          message: `${after.required.has(name) ? 'required' : 'optional'} field ${at(name)} added`,
        });
    }
  }

  /** oneOf/anyOf: a new branch is a body shape old clients never saw; a dropped branch is not. */
  function compareVariants(before: Shape, after: Shape, field: string, depth: number, out: SchemaChange[]): void {
    const a = before.variants ?? [];
    const b = after.variants ?? [];
    if (a.length === b.length) {
      a.forEach((variant, i) => compare(variant, b[i], `${field}<${i}>`, depth + 1, out));
      return;
    }
    const oldKeys = new Set(a.map((v) => oldFp(v)));
    const newKeys = new Set(b.map((v) => newFp(v)));
    const added = [...newKeys].filter((k) => !oldKeys.has(k)).length;
    const removed = [...oldKeys].filter((k) => !newKeys.has(k)).length;
    // Dropping the union entirely (b empty) narrows only when the new schema says what it is.
    if (added > 0 && b.length > 0)
      out.push({ field, breaking: true, message: `${field} has ${added} new oneOf/anyOf variant${added === 1 ? '' : 's'}` });
    if (removed > 0)
      out.push({ field, breaking: false, message: `${field} lost ${removed} oneOf/anyOf variant${removed === 1 ? '' : 's'}` });
  }

  return (oldSchema, newSchema) => {
    const out: SchemaChange[] = [];
    compare(oldSchema, newSchema, '(body)', 0, out);
    return out;
  };
}

function compareTypes(before: Shape, after: Shape, field: string, out: SchemaChange[]): void {
  const a = before.types;
  const b = after.types;
  if (!a && !b) return;
  const show = (t?: Set<string>) => (t ? [...t].sort().join('|') : 'any');
  // integer is a number, so number -> integer only narrows.
  const covered = (t: string) => a?.has(t) || (t === 'integer' && a?.has('number'));
  const widened = !b || (a !== undefined && [...b].some((t) => !covered(t)));
  if (widened) out.push({ field, breaking: true, message: `type of ${field} changed from ${show(a)} to ${show(b)}` });
  else if (!a || a.size !== b!.size || [...a].some((t) => !b!.has(t)))
    out.push({ field, breaking: false, message: `type of ${field} narrowed from ${show(a)} to ${show(b)}` });
}

function compareValues(before: Shape, after: Shape, field: string, out: SchemaChange[]): void {
  const key = (v: unknown) => JSON.stringify(v);
  if (before.enum && after.enum) {
    const oldValues = new Set(before.enum.map(key));
    const newValues = new Set(after.enum.map(key));
    const added = [...newValues].filter((v) => !oldValues.has(v));
    const removed = [...oldValues].filter((v) => !newValues.has(v));
    if (added.length) out.push({ field, breaking: true, message: `${field} may now be ${added.join(', ')}` });
    if (removed.length) out.push({ field, breaking: false, message: `${field} is no longer ${removed.join(', ')}` });
  } else if (before.enum && !after.enum) {
    out.push({ field, breaking: true, message: `${field} is no longer limited to ${before.enum.map(key).join(', ')}` });
  } else if (!before.enum && after.enum) {
    out.push({ field, breaking: false, message: `${field} is now limited to ${after.enum.map(key).join(', ')}` });
  }
  if (before.hasConst && (!after.hasConst || key(before.const) !== key(after.const))) {
    out.push({
      field,
      breaking: true,
      message: `${field} was always ${key(before.const)}, now ${after.hasConst ? key(after.const) : 'anything'}`,
    });
  }
}

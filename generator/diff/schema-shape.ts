/**
 * A schema reduced to what a client reading an error body depends on: its types, fields, required
 * fields, enum/const values, array items and union variants. `$ref`s are followed and `allOf` merged,
 * so moving a field into a shared component is not reported as a change.
 */
import { asObj, resolveLocal } from '../load/local-ref.js';

type Obj = Record<string, unknown>;

export interface Shape {
  /** undefined = any type; `nullable: true` (3.0) adds 'null'. */
  types?: Set<string>;
  properties: Map<string, unknown>;
  required: Set<string>;
  items?: unknown;
  enum?: unknown[];
  hasConst: boolean;
  const?: unknown;
  /** oneOf/anyOf branches (raw, resolved on demand). */
  variants?: unknown[];
}

const MAX_ALLOF_DEPTH = 16;

export function shapeOf(doc: Obj, schema: unknown, depth = 0): Shape {
  const node = asObj(resolveLocal(doc, schema));
  const shape: Shape = { types: typesOf(node), properties: new Map(), required: new Set(), hasConst: 'const' in node, const: node.const };
  for (const [name, sub] of Object.entries(asObj(node.properties))) shape.properties.set(name, sub);
  if (Array.isArray(node.required)) node.required.forEach((r) => typeof r === 'string' && shape.required.add(r));
  if (node.items !== undefined) shape.items = node.items;
  if (Array.isArray(node.enum)) shape.enum = node.enum;
  const variants = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined;
  if (variants) shape.variants = variants;
  if (Array.isArray(node.allOf) && depth < MAX_ALLOF_DEPTH) {
    for (const part of node.allOf) mergeInto(shape, shapeOf(doc, part, depth + 1));
  }
  return shape;
}

/** allOf: every part applies, so fields and required names add up and types intersect. */
function mergeInto(target: Shape, part: Shape): void {
  for (const [name, sub] of part.properties) if (!target.properties.has(name)) target.properties.set(name, sub);
  for (const name of part.required) target.required.add(name);
  if (part.types) target.types = target.types ? new Set([...target.types].filter((t) => part.types!.has(t))) : part.types;
  target.items ??= part.items;
  target.enum ??= part.enum;
  target.variants ??= part.variants;
  if (part.hasConst && !target.hasConst) Object.assign(target, { hasConst: true, const: part.const });
}

function typesOf(node: Obj): Set<string> | undefined {
  const raw = node.type;
  let types: string[] | undefined =
    typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : undefined;
  // A schema with only `properties` or `items` still says what it is to the reader.
  if (!types && node.properties !== undefined) types = ['object'];
  if (!types && node.items !== undefined) types = ['array'];
  if (types && node.nullable === true) types = [...types, 'null'];
  return types ? new Set(types) : undefined;
}

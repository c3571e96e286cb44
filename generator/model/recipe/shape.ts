/**
 * A Shape is one schema with its `$ref`s followed and its `allOf` merged, in OpenAPI 3.0 and 3.1
 * spelling alike (`nullable` and type arrays, boolean and numeric `exclusiveMinimum`, `example`
 * and `examples`). Property and item schemas stay raw and are normalized only when the builder
 * walks into them, so a recursive schema costs nothing unless a required field recurses.
 *
 * Spec: https://spec.openapis.org/oas/v3.1.0#schema-object, https://spec.openapis.org/oas/v3.0.3#schema-object
 */

import { isConstrainingFormat } from '../known-formats.js';
import { escapeToken } from '../../../templates/runtime/json-pointer.js';

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
const ALL_TYPES: JsonType[] = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];

export interface Shape {
  pointer: string;
  /** Undefined means any type. 'number' admits integers, as in JSON Schema. */
  types?: JsonType[];
  /** Why no value can ever validate (`false`, `not: {}`, contradicting types). */
  impossible?: string;
  const?: { value: unknown };
  enum?: unknown[];
  default?: { value: unknown };
  examples: unknown[];
  properties: Map<string, unknown[]>;
  required: string[];
  /** One set per `additionalProperties: false`: a property must be in every set. */
  closedTo: Set<string>[];
  /** `additionalProperties` schemas (not booleans); they constrain undeclared names only. */
  additional: unknown[];
  items: unknown[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  formats: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf: number[];
  oneOf: unknown[][];
  anyOf: unknown[][];
  not: unknown[];
  /** Keywords that constrain values in ways this module does not reason about. */
  unsupported: string[];
  /** The `$ref`s followed to build this shape; the builder uses them to spot recursion. */
  refs: string[];
}

export interface ShapeContext {
  resolve(ref: string): unknown;
}

/** Thrown for cycles and runaway depth; the builder turns it into a diagnostic. */
export class ShapeError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

export const MAX_DEPTH = 40;
const UNSUPPORTED = [
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'propertyNames',
  'patternProperties',
  'contains',
  'prefixItems',
  'unevaluatedItems',
  'additionalItems',
];

export function emptyShape(pointer: string): Shape {
  return {
    pointer,
    examples: [],
    properties: new Map(),
    required: [],
    closedTo: [],
    additional: [],
    items: [],
    patterns: [],
    formats: [],
    multipleOf: [],
    oneOf: [],
    anyOf: [],
    not: [],
    unsupported: [],
    refs: [],
  };
}

/** Normalizes `schema` found at `pointer`. `refs` holds the `$ref`s being followed (cycle guard). */
export function toShape(schema: unknown, pointer: string, ctx: ShapeContext, refs: string[] = []): Shape {
  if (refs.length > MAX_DEPTH) throw new ShapeError(pointer, 'the schema nests deeper than faultline follows', 'flatten the error schema');
  if (schema === false) return { ...emptyShape(pointer), impossible: 'the schema is `false`' };
  if (schema === true || schema === undefined || schema === null || typeof schema !== 'object' || Array.isArray(schema))
    return emptyShape(pointer);
  const s = schema as Record<string, unknown>;
  let shape = ownShape(s, pointer);
  if (typeof s.$ref === 'string') {
    if (refs.includes(s.$ref))
      throw new ShapeError(pointer, `the schema refers to itself through ${s.$ref}`, 'break the $ref cycle in the error schema');
    const target = ctx.resolve(s.$ref);
    if (target === undefined) throw new ShapeError(pointer, `cannot resolve ${s.$ref}`, 'point the $ref at an existing schema');
    shape = mergeShapes(toShape(target, s.$ref, ctx, [...refs, s.$ref]), shape);
    shape.refs = [s.$ref, ...shape.refs];
  }
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach((part, i) => {
      shape = mergeShapes(shape, toShape(part, `${pointer}/allOf/${i}`, ctx, refs));
    });
  }
  // OpenAPI 3.0 `nullable: true` beside a `$ref`/`allOf` (GitHub does this) still admits null.
  if (s.nullable === true && s.type === undefined && shape.types && !shape.types.includes('null')) shape.types = [...shape.types, 'null'];
  return shape;
}

function ownShape(s: Record<string, unknown>, pointer: string): Shape {
  const shape = emptyShape(pointer);
  shape.types = readTypes(s);
  if ('const' in s) shape.const = { value: s.const };
  if (Array.isArray(s.enum)) shape.enum = s.enum.slice();
  if ('default' in s) shape.default = { value: s.default };
  if ('example' in s) shape.examples.push(s.example);
  if (Array.isArray(s.examples)) shape.examples.push(...s.examples);
  readObjectKeywords(s, shape);
  if (s.items !== undefined && !Array.isArray(s.items)) shape.items.push(s.items);
  if (Array.isArray(s.items)) shape.unsupported.push('items (tuple)');
  readNumbers(s, shape);
  if (typeof s.pattern === 'string') shape.patterns.push(s.pattern);
  // unknown formats are ignored, as the runtime validator ignores them (known-formats.ts)
  if (typeof s.format === 'string' && isConstrainingFormat(s.format)) shape.formats.push(s.format);
  if (Array.isArray(s.oneOf)) shape.oneOf.push(s.oneOf);
  if (Array.isArray(s.anyOf)) shape.anyOf.push(s.anyOf);
  if (s.not !== undefined) shape.not.push(s.not);
  shape.unsupported.push(...UNSUPPORTED.filter((k) => k in s));
  return shape;
}

function readTypes(s: Record<string, unknown>): JsonType[] | undefined {
  const raw = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type : undefined;
  if (!raw) return undefined;
  const types = raw.filter((t): t is JsonType => ALL_TYPES.includes(t as JsonType));
  // OpenAPI 3.0: `nullable: true` adds null to the declared type (and means nothing without one).
  if (s.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

function readObjectKeywords(s: Record<string, unknown>, shape: Shape): void {
  const props = s.properties && typeof s.properties === 'object' ? (s.properties as Record<string, unknown>) : {};
  for (const [name, sub] of Object.entries(props)) shape.properties.set(name, [sub]);
  if (Array.isArray(s.required)) shape.required = s.required.filter((r): r is string => typeof r === 'string');
  if (s.additionalProperties === false || s.unevaluatedProperties === false) shape.closedTo.push(new Set(Object.keys(props)));
  else if (s.additionalProperties && typeof s.additionalProperties === 'object') shape.additional.push(s.additionalProperties);
  if (typeof s.minProperties === 'number') shape.minProperties = s.minProperties;
  if (typeof s.maxProperties === 'number') shape.maxProperties = s.maxProperties;
}

function readNumbers(s: Record<string, unknown>, shape: Shape): void {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  shape.minItems = num('minItems');
  shape.maxItems = num('maxItems');
  if (s.uniqueItems === true) shape.uniqueItems = true;
  shape.minLength = num('minLength');
  shape.maxLength = num('maxLength');
  // OpenAPI 3.0 spells exclusive bounds as booleans beside minimum/maximum.
  if (s.exclusiveMinimum === true) shape.exclusiveMinimum = num('minimum');
  else shape.minimum = num('minimum');
  if (s.exclusiveMaximum === true) shape.exclusiveMaximum = num('maximum');
  else shape.maximum = num('maximum');
  if (typeof s.exclusiveMinimum === 'number') shape.exclusiveMinimum = s.exclusiveMinimum;
  if (typeof s.exclusiveMaximum === 'number') shape.exclusiveMaximum = s.exclusiveMaximum;
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0) shape.multipleOf.push(s.multipleOf);
}

/** Both shapes must hold (allOf). The result is as strict as the stricter of the two. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  const out: Shape = { ...a, pointer: a.pointer };
  out.impossible = a.impossible ?? b.impossible;
  out.types = intersectTypes(a.types, b.types);
  if (out.types && out.types.length === 0) out.impossible ??= `no type satisfies both ${a.pointer} and ${b.pointer}`;
  if (a.const && b.const && JSON.stringify(a.const.value) !== JSON.stringify(b.const.value))
    out.impossible ??= 'two different `const` values';
  out.const = a.const ?? b.const;
  out.enum = a.enum && b.enum ? a.enum.filter((v) => b.enum!.some((w) => JSON.stringify(w) === JSON.stringify(v))) : (a.enum ?? b.enum);
  out.default = a.default ?? b.default;
  out.examples = [...a.examples, ...b.examples];
  out.properties = new Map(a.properties);
  for (const [name, list] of b.properties) out.properties.set(name, [...(out.properties.get(name) ?? []), ...list]);
  out.required = [...a.required, ...b.required.filter((r) => !a.required.includes(r))];
  for (const key of [
    'closedTo',
    'additional',
    'items',
    'patterns',
    'formats',
    'multipleOf',
    'oneOf',
    'anyOf',
    'not',
    'unsupported',
    'refs',
  ] as const) {
    (out[key] as unknown[]) = [...(a[key] as unknown[]), ...(b[key] as unknown[])];
  }
  for (const key of ['minItems', 'minProperties', 'minLength', 'minimum', 'exclusiveMinimum'] as const)
    out[key] = pick(Math.max, a[key], b[key]);
  for (const key of ['maxItems', 'maxProperties', 'maxLength', 'maximum', 'exclusiveMaximum'] as const)
    out[key] = pick(Math.min, a[key], b[key]);
  out.uniqueItems = a.uniqueItems || b.uniqueItems || undefined;
  return out;
}

function pick(f: (x: number, y: number) => number, x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined ? y : y === undefined ? x : f(x, y);
}

function intersectTypes(a: JsonType[] | undefined, b: JsonType[] | undefined): JsonType[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.includes(t)) out.add(t);
    else if (t === 'integer' && b.includes('number')) out.add('integer');
    else if (t === 'number' && b.includes('integer')) out.add('integer');
  }
  return ALL_TYPES.filter((t) => out.has(t));
}

/** The shape of property `name` (all its schemas merged), or of anything if it is undeclared. */
export function propertyShape(shape: Shape, name: string, ctx: ShapeContext): Shape {
  const list = shape.properties.get(name);
  const pointer = `${shape.pointer}/properties/${escapeToken(name)}`;
  if (!list) return shape.additional.length ? allOf(shape.additional, pointer, ctx) : emptyShape(pointer);
  return allOf(list, pointer, ctx);
}

export function itemShape(shape: Shape, ctx: ShapeContext): Shape {
  return allOf(shape.items, `${shape.pointer}/items`, ctx);
}

export function allOf(schemas: unknown[], pointer: string, ctx: ShapeContext): Shape {
  return schemas.map((s) => toShape(s, pointer, ctx)).reduce(mergeShapes, emptyShape(pointer));
}

/** Whether a value of JSON type `t` is allowed. */
export function allows(shape: Shape, t: JsonType): boolean {
  if (!shape.types) return true;
  return shape.types.includes(t) || (t === 'integer' && shape.types.includes('number'));
}

/** `name` may appear: every `additionalProperties: false` lists it. */
export function mayHave(shape: Shape, name: string): boolean {
  return shape.closedTo.every((set) => set.has(name));
}

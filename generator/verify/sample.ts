/**
 * A valid value for a schema: examples first (what the author meant), else one generated from the
 * schema. Generated strings carry a seeded random suffix so that two runs with different seeds do not
 * collide on unique fields, while the same seed repeats exactly. The caller validates the result with
 * ajv; this is a best effort, not a solver (a `pattern` is met by trying a few common shapes).
 */
import { asObj, resolveLocal } from '../load/local-ref.js';
import type { Random } from './prng.js';

type Obj = Record<string, unknown>;
const MAX_DEPTH = 10;

export interface SampleContext {
  document: Obj;
  random: Random;
  /** 'request' skips readOnly properties, 'response' skips writeOnly ones. */
  direction: 'request' | 'response';
}

/** The example the spec gives for a schema, media type or parameter object, if any. */
export function exampleOf(document: Obj, node: unknown): { found: boolean; value?: unknown } {
  const obj = asObj(resolveLocal(document, node));
  if ('example' in obj) return { found: true, value: obj.example };
  const examples = obj.examples;
  if (Array.isArray(examples) && examples.length) return { found: true, value: examples[0] };
  if (examples && typeof examples === 'object') {
    for (const entry of Object.values(examples as Obj)) {
      const ex = asObj(resolveLocal(document, entry));
      if ('value' in ex) return { found: true, value: ex.value };
    }
  }
  return { found: false };
}

export function sampleSchema(ctx: SampleContext, raw: unknown, depth = 0): unknown {
  const schema = asObj(resolveLocal(ctx.document, raw));
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  if ('default' in schema) return schema.default;
  const example = exampleOf(ctx.document, schema);
  if (example.found) return example.value;
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(schema.allOf)) return mergeAll(ctx, schema, depth);
  const choice = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(choice) && choice.length) return sampleSchema(ctx, choice[0], depth + 1);
  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(ctx, schema, depth);
    case 'array':
      return sampleArray(ctx, schema, depth);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(ctx, schema);
  }
}

/** The declared type, the first non-null one of a 3.1 type array, or a guess from the keywords. */
export function typeOf(schema: Obj): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (typeof t === 'string') return t;
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return 'object';
  if (schema.items) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  if (schema.minLength !== undefined || schema.pattern || schema.format) return 'string';
  return undefined;
}

function mergeAll(ctx: SampleContext, schema: Obj, depth: number): unknown {
  const parts = (schema.allOf as unknown[]).map((s) => sampleSchema(ctx, s, depth + 1));
  if (parts.every((p) => p && typeof p === 'object' && !Array.isArray(p)))
    return Object.assign({}, ...parts, schema.properties ? sampleObject(ctx, schema, depth) : {});
  return parts[0];
}

function sampleObject(ctx: SampleContext, schema: Obj, depth: number): Obj {
  const out: Obj = {};
  const skip = ctx.direction === 'request' ? 'readOnly' : 'writeOnly';
  for (const [name, prop] of Object.entries(asObj(schema.properties))) {
    if (asObj(resolveLocal(ctx.document, prop))[skip] === true) continue;
    out[name] = sampleSchema(ctx, prop, depth + 1);
  }
  // `required` may name properties `properties` never describes (SpaceTraders' ShipNavRoute): any value does
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    if (typeof name === 'string' && !(name in out) && schema.additionalProperties !== false) out[name] = 'x';
  }
  return out;
}

function sampleArray(ctx: SampleContext, schema: Obj, depth: number): unknown[] {
  const count = Math.max(1, Number(schema.minItems ?? 1));
  const item = () => sampleSchema(ctx, schema.items ?? {}, depth + 1);
  if (schema.uniqueItems === true) return [item()];
  return Array.from({ length: Math.min(count, 5) }, item);
}

function sampleNumber(schema: Obj, integer: boolean): number {
  const min =
    typeof schema.exclusiveMinimum === 'number'
      ? schema.exclusiveMinimum + 1
      : Number(schema.minimum ?? (schema.maximum !== undefined ? Number(schema.maximum) - 1 : 1));
  let value = schema.exclusiveMinimum === true ? min + 1 : min;
  const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : 0;
  if (step) value = Math.ceil(value / step) * step;
  return integer ? Math.ceil(value) : value;
}

const FORMATS: Record<string, (r: Random) => string> = {
  email: (r) => `faultline.${r.hex(6)}@example.com`,
  uuid: (r) => `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-a${r.hex(3)}-${r.hex(12)}`,
  'date-time': () => '2024-01-02T03:04:05Z',
  date: () => '2024-01-02',
  time: () => '03:04:05Z',
  uri: (r) => `https://example.com/${r.hex(6)}`,
  url: (r) => `https://example.com/${r.hex(6)}`,
  hostname: (r) => `h${r.hex(6)}.example.com`,
  ipv4: () => '192.0.2.1',
  ipv6: () => '2001:db8::1',
  byte: () => 'ZmF1bHRsaW5l',
};

/** Shapes tried in turn against `pattern` and the length bounds. */
const STRING_SHAPES = (r: Random) => [
  `fl${r.hex(6)}`,
  `FL${r.hex(6)}`,
  r.hex(8),
  String(r.int(1000, 9999)),
  'a',
  'A',
  '1',
  `fl-${r.hex(4)}`,
  `fl_${r.hex(4)}`,
  'abc',
  'ABC',
];

function sampleString(ctx: SampleContext, schema: Obj): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Infinity);
  const fits = (s: string) => s.length >= min && s.length <= max && matches(schema.pattern, s);
  const candidates = format ? [format(ctx.random)] : STRING_SHAPES(ctx.random);
  const found = candidates.find(fits);
  if (found !== undefined) return found;
  const base = candidates[0];
  return base.length < min ? base.padEnd(min, 'x') : base.slice(0, Math.max(min, Math.min(max, base.length)));
}

function matches(pattern: unknown, value: string): boolean {
  if (typeof pattern !== 'string') return true;
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

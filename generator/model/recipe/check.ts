/**
 * Two conservative judges over concrete values, used for every constant a recipe will emit:
 * `certainlyValid` says yes only when a JSON Schema validator must accept the value, and
 * `definitelyInvalid` says yes only when it must reject it. "Don't know" is always `false`, so a
 * recipe never relies on a guess (an `example` in a spec is not guaranteed to match its schema:
 * Xero documents `status: {type: string, example: 400}`).
 */
import { fastFormats, fullFormats } from 'ajv-formats/dist/formats.js';
import { codePoints } from '../../../templates/runtime/render-body.js';
import type { Json } from '../../../templates/runtime/recipe.js';
import { allows, itemShape, MAX_DEPTH, propertyShape, toShape, type JsonType, type Shape, type ShapeContext } from './shape.js';

export function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as JsonType;
  return undefined;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A spec regex compiled once with the `u` flag, as ajv does; undefined when it does not compile. */
const regexCache = new Map<string, RegExp | undefined>();
export function specRegex(pattern: string): RegExp | undefined {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      regexCache.set(pattern, undefined);
    }
  }
  return regexCache.get(pattern);
}

function formatHolds(format: string, value: unknown): boolean | undefined {
  const full = (fullFormats as Record<string, unknown>)[format];
  const fast = (fastFormats as Record<string, unknown>)[format];
  if (full === undefined || fast === undefined) return undefined;
  return runFormat(full, value) && runFormat(fast, value);
}

function runFormat(def: unknown, value: unknown): boolean {
  if (def instanceof RegExp) return typeof value !== 'string' || def.test(value);
  if (typeof def === 'function') return typeof value !== 'string' || Boolean(def(value));
  if (def && typeof def === 'object' && 'validate' in def) {
    const d = def as { type?: string; validate: unknown };
    const applies = d.type === 'number' ? typeof value === 'number' : typeof value === 'string';
    return !applies || runFormat(d.validate, value);
  }
  return false;
}

/** True only when every validator must accept `value` against `shape`. */
export function certainlyValid(shape: Shape, value: unknown, ctx: ShapeContext, depth = 0): boolean {
  if (depth > MAX_DEPTH || shape.impossible || shape.unsupported.length) return false;
  if (!enumAndTypeHold(shape, value)) return false;
  if (typeof value === 'string' && !stringHolds(shape, value, false)) return false;
  if (typeof value === 'number' && !numberHolds(shape, value)) return false;
  if (shape.formats.some((f) => formatHolds(f, value) !== true)) return false;
  if (Array.isArray(value) && !arrayHolds(shape, value, ctx, depth)) return false;
  if (jsonTypeOf(value) === 'object' && !objectHolds(shape, value as Record<string, unknown>, ctx, depth)) return false;
  const branch = (s: unknown, i: number) => toShape(s, `${shape.pointer}/${i}`, ctx);
  if (!shape.anyOf.every((list) => list.some((s, i) => certainlyValid(branch(s, i), value, ctx, depth + 1)))) return false;
  for (const list of shape.oneOf) {
    const shapes = list.map(branch);
    const valid = shapes.filter((s) => certainlyValid(s, value, ctx, depth + 1));
    if (valid.length !== 1 || !shapes.every((s) => valid.includes(s) || definitelyInvalid(s, value, ctx, depth + 1))) return false;
  }
  return shape.not.every((s, i) => definitelyInvalid(branch(s, i), value, ctx, depth + 1));
}

/** True only when every validator must reject `value` against `shape`. */
export function definitelyInvalid(shape: Shape, value: unknown, ctx: ShapeContext, depth = 0): boolean {
  if (shape.impossible) return true;
  if (depth > MAX_DEPTH) return false;
  if (!enumAndTypeHold(shape, value)) return true;
  if (typeof value === 'string' && !stringHolds(shape, value, true)) return true;
  if (typeof value === 'number' && !numberHolds(shape, value)) return true;
  if (Array.isArray(value)) {
    if (value.length < (shape.minItems ?? 0) || value.length > (shape.maxItems ?? Infinity)) return true;
    if (shape.items.length && value.some((v) => definitelyInvalid(itemShape(shape, ctx), v, ctx, depth + 1))) return true;
  }
  if (jsonTypeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    if (shape.required.some((r) => !Object.hasOwn(obj, r))) return true;
    if (Object.keys(obj).some((k) => !shape.closedTo.every((set) => set.has(k)))) return true;
    if (
      [...shape.properties.keys()].some(
        (k) => Object.hasOwn(obj, k) && definitelyInvalid(propertyShape(shape, k, ctx), obj[k], ctx, depth + 1),
      )
    )
      return true;
  }
  const branch = (s: unknown, i: number) => toShape(s, `${shape.pointer}/${i}`, ctx);
  if ([...shape.anyOf, ...shape.oneOf].some((list) => list.every((s, i) => definitelyInvalid(branch(s, i), value, ctx, depth + 1))))
    return true;
  return shape.not.some((s, i) => certainlyValid(branch(s, i), value, ctx, depth + 1));
}

function enumAndTypeHold(shape: Shape, value: unknown): boolean {
  if (shape.const && !sameJson(shape.const.value, value)) return false;
  if (shape.enum && !shape.enum.some((e) => sameJson(e, value))) return false;
  const t = jsonTypeOf(value);
  return t !== undefined && allows(shape, t);
}

/** Patterns only count against a value when judging invalidity if they compile. */
function stringHolds(shape: Shape, value: string, lenientPatterns: boolean): boolean {
  const n = codePoints(value);
  if (n < (shape.minLength ?? 0) || n > (shape.maxLength ?? Infinity)) return false;
  return shape.patterns.every((p) => {
    const re = specRegex(p);
    return re ? re.test(value) : lenientPatterns;
  });
}

function numberHolds(shape: Shape, value: number): boolean {
  if (shape.minimum !== undefined && value < shape.minimum) return false;
  if (shape.maximum !== undefined && value > shape.maximum) return false;
  if (shape.exclusiveMinimum !== undefined && value <= shape.exclusiveMinimum) return false;
  if (shape.exclusiveMaximum !== undefined && value >= shape.exclusiveMaximum) return false;
  return shape.multipleOf.every((m) => Number.isInteger(value / m));
}

function arrayHolds(shape: Shape, value: unknown[], ctx: ShapeContext, depth: number): boolean {
  if (value.length < (shape.minItems ?? 0) || value.length > (shape.maxItems ?? Infinity)) return false;
  if (shape.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return false;
  return value.every((v) => certainlyValid(itemShape(shape, ctx), v, ctx, depth + 1));
}

function objectHolds(shape: Shape, obj: Record<string, unknown>, ctx: ShapeContext, depth: number): boolean {
  const keys = Object.keys(obj);
  if (keys.length < (shape.minProperties ?? 0) || keys.length > (shape.maxProperties ?? Infinity)) return false;
  if (shape.required.some((r) => !Object.hasOwn(obj, r))) return false;
  return keys.every(
    (k) => shape.closedTo.every((set) => set.has(k)) && certainlyValid(propertyShape(shape, k, ctx), obj[k], ctx, depth + 1),
  );
}

/** The first of const, enum, default, example(s) that certainly validates. */
export function fixedValue(shape: Shape, ctx: ShapeContext): { value: Json } | undefined {
  const candidates: unknown[] = [];
  if (shape.const) candidates.push(shape.const.value);
  if (shape.enum) candidates.push(...shape.enum);
  if (shape.default) candidates.push(shape.default.value);
  candidates.push(...shape.examples);
  // candidates are values of a parsed JSON or YAML spec document: JSON data, typed unknown by the parsers
  for (const c of candidates) if (c !== undefined && certainlyValid(shape, c, ctx)) return { value: c as Json };
  return undefined;
}

/**
 * A boring value of an allowed type (null, '', 0 or the lowest allowed integer, false, [], or an
 * object of neutral required properties), kept only if it certainly validates.
 */
export function neutralValue(shape: Shape, ctx: ShapeContext, depth = 0): { value: Json } | undefined {
  // Each level may try every required property, so keep the depth small to bound the work.
  if (depth > 8) return undefined;
  const order: JsonType[] = ['null', 'string', 'integer', 'boolean', 'array', 'object', 'number'];
  for (const t of order) {
    if (!allows(shape, t)) continue;
    const candidate = neutralOf(t, shape, ctx, depth);
    if (candidate && certainlyValid(shape, candidate.value, ctx)) return candidate;
  }
  return undefined;
}

function neutralOf(t: JsonType, shape: Shape, ctx: ShapeContext, depth: number): { value: Json } | undefined {
  switch (t) {
    case 'null':
      return { value: null };
    case 'string':
      return { value: '' };
    case 'boolean':
      return { value: false };
    case 'array':
      return { value: [] };
    case 'integer':
    case 'number': {
      const low = shape.minimum ?? (shape.exclusiveMinimum !== undefined ? Math.floor(shape.exclusiveMinimum) + 1 : 0);
      return { value: Math.max(Math.ceil(low), 0) === 0 && low <= 0 ? 0 : Math.ceil(low) };
    }
    case 'object': {
      const out: { [key: string]: Json } = {};
      for (const name of shape.required) {
        const sub = propertyShape(shape, name, ctx);
        const v = fixedValue(sub, ctx) ?? neutralValue(sub, ctx, depth + 1);
        if (!v) return undefined;
        Object.defineProperty(out, name, { value: v.value, enumerable: true, writable: true, configurable: true });
      }
      return { value: out };
    }
  }
}

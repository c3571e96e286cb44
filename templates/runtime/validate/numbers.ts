/**
 * Numbers in the URL, headers and cookies, read strictly before the schema check. Ajv's
 * `coerceTypes` turns any string that `Number()` accepts into a number, after its own type check:
 * `0x10`, `1e3`, ` 5`, `1.0`, `Infinity` and `1e400` slipped through as integers, and
 * `9007199254740993` silently became `9007199254740992`. Here an integer must be canonical decimal
 * text (`-?[0-9]+`) that a JavaScript number holds exactly (|n| <= 2^53 - 1), a number must be
 * finite decimal notation (JSON's grammar); the parsed value then goes through Ajv, so bounds,
 * `multipleOf` and `int32`/`int64` always apply to it. Anything else is a documented 400.
 *
 * Integers beyond 2^53 - 1 are refused even with `format: int64`: the handler's type is `number`,
 * which cannot carry them. A spec that needs the full int64 range says `type: string, format: int64`
 * (or a `pattern`), and the handler receives the digits as a string.
 */
import type { ValidatorItem } from '../issues.js';
import type { NumberKindOf, NumericParameter } from './plan.js';

export type { NumericParameter } from './plan.js';

type Obj = Record<string, unknown>;
export type NumberKind = NumberKindOf;

const INTEGER = /^-?[0-9]+$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** The number `text` stands for, or why it stands for none. */
export function parseNumber(text: string, kind: NumberKind): { value: number } | { problem: string } {
  if (kind === 'integer') {
    if (!INTEGER.test(text)) return { problem: 'must be integer' };
    const value = Number(text);
    if (!Number.isSafeInteger(value)) return { problem: 'must be an integer between -9007199254740991 and 9007199254740991' };
    return { value };
  }
  if (!DECIMAL.test(text)) return { problem: 'must be number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { problem: 'must be a finite number' };
  return { value };
}

/**
 * Replaces the numeric strings of `data[field][name]` with their numbers, in place. Values that are not
 * strings (absent, already parsed, an object the style produced) are left for the schema to judge.
 */
export function parseNumericParameters(data: Obj, numeric: readonly NumericParameter[]): ValidatorItem[] | undefined {
  let items: ValidatorItem[] | undefined;
  for (const p of numeric) {
    const holder = data[p.field] as Obj | undefined;
    if (!holder || !Object.hasOwn(holder, p.name)) continue;
    const value = holder[p.name];
    if (p.array && Array.isArray(value)) {
      const parsed = value.map((item, i) => (typeof item === 'string' ? parseOne(item, p, `/${i}`) : { value: item }));
      const failed = parsed.find((r): r is { item: ValidatorItem } => 'item' in r);
      if (failed) (items ??= []).push(failed.item);
      else holder[p.name] = parsed.map((r) => (r as { value: unknown }).value);
    } else if (typeof value === 'string') {
      const parsed = parseOne(value, p, '');
      if ('item' in parsed) (items ??= []).push(parsed.item);
      else holder[p.name] = parsed.value;
    }
  }
  return items;
}

function parseOne(text: string, p: NumericParameter, suffix: string): { value: number } | { item: ValidatorItem } {
  const parsed = parseNumber(text, p.kind);
  if ('value' in parsed) return parsed;
  return { item: { path: `/${p.field}/${p.name}${suffix}`, message: parsed.problem, errorCode: 'type.openapi.validation' } };
}

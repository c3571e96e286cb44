/**
 * Recipes for the leaves of an error body: the status, string slots, issue paths, and constant
 * fill-ins for required properties that carry nothing of the Problem.
 */
import type { GuardFormat, IssueField, ProblemSlot, Recipe, StringRules } from '../../../templates/runtime/recipe.js';
import { certainlyValid, fixedValue, neutralValue, specRegex } from './check.js';
import { allows, itemShape, mergeShapes, toShape, type Shape, type ShapeContext } from './shape.js';
import { codeRules } from './codes.js';

export type Outcome = { ok: true; recipe: Recipe } | { ok: false; pointer: string; message: string; fix: string };

export interface BuildContext {
  shapes: ShapeContext;
  notes: string[];
  /** `$ref`s of the shapes being built, outermost first: meeting one again is recursion. */
  ancestors: string[];
}

export function fail(pointer: string, message: string, fix: string): Outcome {
  return { ok: false, pointer, message, fix };
}

const ERROR_STATUSES = Array.from({ length: 200 }, (_, i) => 400 + i);
const GUARDS: GuardFormat[] = ['uri', 'uri-reference', 'uuid', 'json-pointer'];
/** Safe stand-ins when a required slot may be missing at run time. */
const FORMAT_FALLBACKS: Record<GuardFormat, string> = {
  uri: 'about:blank',
  'uri-reference': 'about:blank',
  uuid: '00000000-0000-0000-0000-000000000000',
  'json-pointer': '',
};

/** A constant from const/enum/default/example, else a neutral value; the fix names the pointer. */
export function fixedOrNeutral(shape: Shape, bc: BuildContext, why = 'it carries nothing faultline can fill'): Outcome {
  const v = fixedValue(shape, bc.shapes) ?? neutralValue(shape, bc.shapes);
  if (v) return { ok: true, recipe: { kind: 'const', value: v.value } };
  return fail(
    shape.pointer,
    `no value is known to satisfy this required schema (${why})`,
    `add a \`default\` or \`example\` to ${shape.pointer} that satisfies its own constraints`,
  );
}

/** The HTTP status as an integer or a string, narrowed by enum/minimum/maximum/pattern. */
export function buildStatus(shape: Shape, bc: BuildContext, required = true): Outcome {
  const as = allows(shape, 'integer') ? 'integer' : allows(shape, 'string') ? 'string' : undefined;
  if (!as) return fixedOrNeutral(shape, bc, 'a status that is neither integer nor string');
  // Google-style `status: NOT_FOUND`: a status spelled as words is a code chosen by meaning.
  if (as === 'string' && shape.enum?.some((v) => typeof v === 'string' && !/^\d{3}$/.test(v))) {
    return buildString(shape, { kind: 'slot', slot: 'code' }, required, bc);
  }
  if (shape.enum) {
    const values = shape.enum.filter((v) => certainlyValid(shape, v, bc.shapes)) as (number | string)[];
    if (!values.length) return fixedOrNeutral(shape, bc, 'no enum value of the status validates');
    bc.notes.push(`${shape.pointer}: status limited to [${values.join(', ')}]; other statuses render ${JSON.stringify(values[0])}`);
    return { ok: true, recipe: { kind: 'status', as, enum: values } };
  }
  const render = (s: number) => (as === 'string' ? String(s) : s);
  if (ERROR_STATUSES.every((s) => certainlyValid(shape, render(s), bc.shapes))) return { ok: true, recipe: { kind: 'status', as } };
  if (as === 'integer' && !shape.multipleOf.length && !shape.formats.some((f) => f !== 'int32' && f !== 'int64')) {
    const minimum = shape.minimum ?? (shape.exclusiveMinimum !== undefined ? Math.floor(shape.exclusiveMinimum) + 1 : undefined);
    const maximum = shape.maximum ?? (shape.exclusiveMaximum !== undefined ? Math.ceil(shape.exclusiveMaximum) - 1 : undefined);
    if (minimum === undefined || maximum === undefined || minimum <= maximum) {
      bc.notes.push(`${shape.pointer}: status clamped to [${minimum ?? '-'}, ${maximum ?? '-'}]`);
      return { ok: true, recipe: { kind: 'status', as, minimum, maximum } };
    }
  }
  const fixed = fixedValue(shape, bc.shapes);
  if (fixed) bc.notes.push(`${shape.pointer}: status cannot follow the response; fixed to ${JSON.stringify(fixed.value)}`);
  return fixed
    ? { ok: true, recipe: { kind: 'const', value: fixed.value } }
    : fixedOrNeutral(shape, bc, 'its constraints reject some HTTP statuses');
}

type StringBase = { kind: 'slot'; slot: ProblemSlot } | { kind: 'issue'; field: IssueField };

/**
 * A string that follows the Problem. Length limits are met by cutting or padding; enum and the
 * guardable formats are checked at run time with a fallback; a `pattern` or any other format
 * cannot be guaranteed, so the value is fixed from const/enum/default/example instead.
 */
export function buildString(shape: Shape, base: StringBase, required: boolean, bc: BuildContext): Outcome {
  if (!allows(shape, 'string')) return fixedOrNeutral(shape, bc);
  const formats = shape.formats.filter((f) => !(f === 'date-time' && base.kind === 'slot' && base.slot === 'timestamp'));
  const guard = formats.length === 1 && GUARDS.includes(formats[0] as GuardFormat) ? (formats[0] as GuardFormat) : undefined;
  if (shape.patterns.length || (formats.length && !guard) || formats.length > 1 || shape.unsupported.length) {
    return pinned(shape, required, bc, shape.patterns.length ? 'a `pattern`' : `format ${formats.join(', ')}`);
  }
  const rules: StringRules = {};
  if (shape.maxLength !== undefined) rules.maxLength = shape.maxLength;
  if (shape.minLength !== undefined && shape.minLength > 0) rules.minLength = shape.minLength;
  if (guard) rules.format = guard;
  if (shape.enum) {
    rules.enum = shape.enum.filter((v): v is string => typeof v === 'string' && certainlyValid(shape, v, bc.shapes));
    if (!rules.enum.length) return fixedOrNeutral(shape, bc, 'no string in its enum validates');
    // Code-like enums say what the status means (codes.ts); others keep their first value.
    if (base.kind === 'slot' && ['code', 'type', 'title'].includes(base.slot)) Object.assign(rules, codeRules(rules.enum, required));
    else rules.fallback = rules.enum[0];
    if (rules.fallback === undefined && !rules.byStatus)
      return required ? fixedOrNeutral(shape, bc) : { ok: true, recipe: { ...base, ...rules } };
  }
  // An optional `type` or guarded string is left out rather than filled with a made-up value.
  const mayBeMissing = base.kind === 'slot' && ['type', 'instance', 'path', 'requestId'].includes(base.slot);
  if (
    rules.fallback === undefined &&
    !rules.enum &&
    required &&
    (guard || (base.kind === 'slot' && base.slot === 'type') || mayBeMissing)
  ) {
    rules.fallback = fallbackString(shape, base, guard, bc);
    if (rules.fallback === undefined && required) return fixedOrNeutral(shape, bc, 'no fallback string validates');
  }
  return { ok: true, recipe: { ...base, ...rules } };
}

/**
 * The string used when the Problem has no value. A `default` is meant for this; examples come
 * after 'about:blank' for `type` because specs often show a sample type (the museum: "object").
 */
function fallbackString(shape: Shape, base: StringBase, guard: GuardFormat | undefined, bc: BuildContext): string | undefined {
  const isType = base.kind === 'slot' && base.slot === 'type';
  const neutral = [guard ? FORMAT_FALLBACKS[guard] : isType ? 'about:blank' : '', '.'.repeat(Math.max(shape.minLength ?? 0, 1))];
  const fromSpec = [shape.default?.value, ...shape.examples].filter((v): v is string => typeof v === 'string');
  const candidates = isType || guard ? [shape.default?.value, ...neutral, ...fromSpec] : [...fromSpec, ...neutral];
  return candidates.find((c): c is string => typeof c === 'string' && certainlyValid(shape, c, bc.shapes));
}

/** A slot whose value cannot be guaranteed: fixed from the spec, left out, or a diagnostic. */
function pinned(shape: Shape, required: boolean, bc: BuildContext, why: string): Outcome {
  const fixed = fixedValue(shape, bc.shapes);
  if (fixed) {
    bc.notes.push(`${shape.pointer}: ${why} cannot be guaranteed; always renders ${JSON.stringify(fixed.value)}`);
    return { ok: true, recipe: { kind: 'const', value: fixed.value } };
  }
  const hasRegex = shape.patterns.every((p) => specRegex(p) !== undefined);
  return fail(
    shape.pointer,
    `${why} constrains this string and no const/enum/default/example satisfies it${hasRegex ? '' : ' (the pattern does not compile)'}`,
    `add a \`default\` or \`example\` that matches to ${shape.pointer}${required ? '' : ', or make the property optional'}`,
  );
}

/** `loc`/`path` arrays: strings (and integers when allowed) with an optional location prefix. */
export function buildIssuePath(shape: Shape, withLocation: boolean, bc: BuildContext): Outcome {
  const limits = (shape.minItems ?? 0) <= (withLocation ? 1 : 0) && shape.maxItems === undefined && !shape.uniqueItems;
  const kinds = pathItemKinds(itemShape(shape, bc.shapes), bc);
  if (!limits || !kinds.string) return fixedOrNeutral(shape, bc, 'the path items are constrained');
  // FastAPI documents loc items as anyOf [string, integer]; a plain string list also works.
  return { ok: true, recipe: { kind: 'issuePath', items: kinds.integer ? 'mixed' : 'string', withLocation } };
}

/** Whether any string / any non-negative integer is certainly a valid path item. */
function pathItemKinds(item: Shape, bc: BuildContext): { string: boolean; integer: boolean } {
  const plain = (s: Shape) =>
    !s.impossible &&
    !s.enum &&
    !s.const &&
    !s.patterns.length &&
    !s.formats.length &&
    !s.unsupported.length &&
    !s.not.length &&
    s.maxLength === undefined &&
    (s.minLength ?? 0) === 0;
  const plainInt = (s: Shape) =>
    plain(s) &&
    allows(s, 'integer') &&
    (s.minimum ?? 0) <= 0 &&
    s.exclusiveMinimum === undefined &&
    s.maximum === undefined &&
    s.exclusiveMaximum === undefined &&
    !s.multipleOf.length;
  const unions = [...item.anyOf, ...item.oneOf];
  if (unions.length === 0) return { string: plain(item) && allows(item, 'string'), integer: plainInt(item) };
  if (unions.length > 1 || !plain(item)) return { string: false, integer: false };
  const base = { ...item, anyOf: [], oneOf: [] };
  const branches = unions[0]!.map((b, i) => mergeShapes(base, toShape(b, `${item.pointer}/${i}`, bc.shapes)));
  // Under oneOf a value must fit exactly one branch, so each kind must have exactly one home.
  const homes = (fits: (s: Shape) => boolean, t: 'string' | 'integer') => {
    const ok = branches.filter(fits).length;
    const any = branches.filter((b) => allows(b, t)).length;
    return item.oneOf.length ? ok === 1 && any === 1 : ok >= 1;
  };
  return { string: homes((b) => plain(b) && allows(b, 'string'), 'string'), integer: homes(plainInt, 'integer') };
}

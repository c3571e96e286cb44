/**
 * Invalid variants of a valid value: a required field removed, a wrong type, each constraint broken
 * once. Every candidate is later checked with ajv against the same schema and dropped if it is still
 * valid, so a permissive schema (no type, `anyOf` with a string branch) never yields a false finding.
 */
import { asObj, resolveLocal } from '../load/local-ref.js';
import { typeOf } from './sample.js';

type Obj = Record<string, unknown>;
export interface Mutation {
  label: string;
  value: unknown;
}

const MAX_NESTING = 2;

/** Wrong-type stand-ins, chosen so none of them can be coerced into the expected type. */
const WRONG_TYPE: Record<string, unknown> = {
  string: 12345,
  integer: 'not-a-number',
  number: 'not-a-number',
  boolean: 'not-a-boolean',
  object: 'not-an-object',
  array: 'not-an-array',
};

/** Values that break one constraint each of a scalar schema. */
export function scalarViolations(document: Obj, raw: unknown): Mutation[] {
  const s = asObj(resolveLocal(document, raw));
  const out: Mutation[] = [];
  const type = typeOf(s);
  if (type && WRONG_TYPE[type] !== undefined) out.push({ label: `wrong type (${type} expected)`, value: WRONG_TYPE[type] });
  if (Array.isArray(s.enum)) out.push({ label: 'not one of the enum values', value: 'faultline-not-in-enum' });
  if ('const' in s) out.push({ label: 'not the const value', value: 'faultline-not-const' });
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  if (num('minimum') !== undefined) out.push({ label: `below minimum ${num('minimum')}`, value: num('minimum')! - 1 });
  if (num('maximum') !== undefined) out.push({ label: `above maximum ${num('maximum')}`, value: num('maximum')! + 1 });
  if (num('exclusiveMinimum') !== undefined)
    out.push({ label: `not above exclusiveMinimum ${num('exclusiveMinimum')}`, value: num('exclusiveMinimum') });
  if (num('exclusiveMaximum') !== undefined)
    out.push({ label: `not below exclusiveMaximum ${num('exclusiveMaximum')}`, value: num('exclusiveMaximum') });
  if (type === 'integer') out.push({ label: 'not an integer', value: 1.5 });
  if (num('minLength') !== undefined && num('minLength')! > 0)
    out.push({ label: `shorter than minLength ${num('minLength')}`, value: 'x'.repeat(num('minLength')! - 1) });
  if (num('maxLength') !== undefined)
    out.push({ label: `longer than maxLength ${num('maxLength')}`, value: 'x'.repeat(num('maxLength')! + 1) });
  if (typeof s.pattern === 'string') out.push({ label: `does not match pattern ${s.pattern}`, value: '!faultline!' });
  if (typeof s.format === 'string') out.push({ label: `violates format ${s.format}`, value: 'faultline-not-a-' + s.format });
  return out;
}

/** Body mutations: the whole body of the wrong type, then per field (nested up to MAX_NESTING). */
export function bodyMutations(document: Obj, raw: unknown, valid: unknown): Mutation[] {
  const out: Mutation[] = [];
  const type = typeOf(asObj(resolveLocal(document, raw)));
  if (type === 'object') out.push({ label: 'body: an array instead of an object', value: [] });
  if (type === 'array') out.push({ label: 'body: an object instead of an array', value: {} });
  walk(document, raw, valid, 'body', 0, (label, replace) => out.push({ label, value: replace }));
  return out;
}

type Emit = (label: string, body: unknown) => void;

/** Emits whole-body variants: `rebuild` puts a changed field back into a copy of the body. */
function walk(
  document: Obj,
  raw: unknown,
  value: unknown,
  path: string,
  depth: number,
  emit: Emit,
  rebuild: (v: unknown) => unknown = (v) => v,
): void {
  const schema = asObj(resolveLocal(document, raw));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Obj;
  const props = collectProperties(document, schema);
  for (const name of collectRequired(document, schema)) {
    if (!(name in obj)) continue;
    const { [name]: _dropped, ...rest } = obj;
    emit(`${path}.${name}: required field missing`, rebuild(rest));
  }
  if (schema.additionalProperties === false) emit(`${path}: unknown field added`, rebuild({ ...obj, faultline_unknown_field: 1 }));
  for (const [name, propRaw] of Object.entries(props)) {
    if (!(name in obj)) continue;
    const put = (v: unknown) => rebuild({ ...obj, [name]: v });
    for (const m of scalarViolations(document, propRaw)) emit(`${path}.${name}: ${m.label}`, put(m.value));
    if (depth < MAX_NESTING) walk(document, propRaw, obj[name], `${path}.${name}`, depth + 1, emit, put);
  }
}

/** Properties including those merged in through allOf. */
function collectProperties(document: Obj, schema: Obj): Obj {
  const out: Obj = { ...asObj(schema.properties) };
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : [])
    Object.assign(out, collectProperties(document, asObj(resolveLocal(document, part))));
  return out;
}

function collectRequired(document: Obj, schema: Obj): string[] {
  const own = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  const merged = (Array.isArray(schema.allOf) ? schema.allOf : []).flatMap((part) =>
    collectRequired(document, asObj(resolveLocal(document, part))),
  );
  return [...new Set([...own, ...merged])];
}

/**
 * Form bodies (application/x-www-form-urlencoded, multipart/form-data) arrive as strings: what the
 * schema's top-level properties say they are is worked out by the generator (the `form` of a media
 * type's plan, validate/plan.ts), then applied to each body before validation. Numbers are read as
 * strictly as parameters are (numbers.ts), booleans only from `true`/`false`, and a single value of an
 * array property becomes an array of one.
 */
import { parseNumericParameters } from './numbers.js';
import type { FormFields } from './plan.js';
import type { ValidatorItem } from '../issues.js';

export type { FormFields } from './plan.js';

type Obj = Record<string, unknown>;

export function isFormMediaType(type: string): boolean {
  const base = (type.split(';')[0] ?? '').trim().toLowerCase();
  return base === 'application/x-www-form-urlencoded' || base === 'multipart/form-data';
}

/** Shapes `body` in place; the items are numbers that could not be read. */
export function applyFormFields(body: Obj, fields: FormFields): ValidatorItem[] | undefined {
  for (const name of fields.arrays) if (name in body && !Array.isArray(body[name])) body[name] = [body[name]];
  for (const name of fields.booleans) if (body[name] === 'true' || body[name] === 'false') body[name] = body[name] === 'true';
  return parseNumericParameters({ body }, fields.numeric);
}

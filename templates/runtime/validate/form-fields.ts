/**
 * Form bodies (application/x-www-form-urlencoded, multipart/form-data) arrive as strings: what the
 * schema's top-level properties say they are is worked out once per media type, then applied to each
 * body before validation. Numbers are read as strictly as parameters are (numbers.ts), booleans
 * only from `true`/`false`, and a single value of an array property becomes an array of one.
 */
import { valueAtPointer } from './prepare.js';
import { parseNumericParameters, numericParameters, type NumericParameter } from './numbers.js';
import type { ParameterPlan } from './parameters.js';
import type { ValidatorItem } from '../issues.js';

type Obj = Record<string, unknown>;

export interface FormFields {
  numeric: NumericParameter[];
  booleans: string[];
  arrays: string[];
}

export function isFormMediaType(type: string): boolean {
  const base = type.split(';')[0].trim().toLowerCase();
  return base === 'application/x-www-form-urlencoded' || base === 'multipart/form-data';
}

export function formFields(doc: Obj, schema: Obj | undefined): FormFields | undefined {
  const properties = schema?.properties as Obj | undefined;
  if (!properties || typeof properties !== 'object') return undefined;
  const plans: ParameterPlan[] = [];
  const booleans: string[] = [];
  const arrays: string[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    let prop = raw as Obj | undefined;
    if (prop && typeof prop.$ref === 'string') prop = valueAtPointer(doc, prop.$ref) as Obj | undefined;
    if (!prop || typeof prop !== 'object') continue;
    if (prop.type === 'boolean') booleans.push(name);
    if (prop.type === 'array') arrays.push(name);
    let items = prop.items as Obj | undefined;
    if (items && typeof items.$ref === 'string') items = valueAtPointer(doc, items.$ref) as Obj | undefined;
    const schema = prop.type === 'array' ? { ...prop, items } : prop;
    // 'body' is not a parameter location (ParameterPlan.field), but the numeric parser only uses `field` as the
    // key of the data it is given, here `{ body }`
    plans.push({ name, field: 'body' as never, required: false, schemaPointer: undefined, schema, style: 'form', explode: true, allowReserved: true, allowEmptyValue: true, jsonContent: false });
  }
  return { numeric: numericParameters(plans), booleans, arrays };
}

/** Shapes `body` in place; the items are numbers that could not be read. */
export function applyFormFields(body: Obj, fields: FormFields): ValidatorItem[] | undefined {
  for (const name of fields.arrays) if (name in body && !Array.isArray(body[name])) body[name] = [body[name]];
  for (const name of fields.booleans) if (body[name] === 'true' || body[name] === 'false') body[name] = body[name] === 'true';
  return parseNumericParameters({ body }, fields.numeric);
}

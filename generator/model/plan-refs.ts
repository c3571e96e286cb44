/**
 * Following `$ref`s the way the runtime's validators always have, for the plans of validation-plan.ts:
 * non-schema objects (parameters, request bodies, responses, path items) through chains of local
 * `$ref`s, keeping the pointer where the object really is; schemas by one `$ref`.
 */
import { valueAt } from '../../templates/runtime/json-pointer.js';

type Obj = Record<string, unknown>;

/** An object of the document and the pointer where it is (after `$ref`s). */
export interface Located {
  value: Obj | undefined;
  pointer: string;
}

/** Follows `$ref`s between non-schema objects (parameters, request bodies, responses, path items). */
export function resolveObject(doc: Obj, value: unknown, pointer: string): Located {
  let current = value as Obj | undefined;
  let at = pointer;
  for (let hops = 0; hops < 20 && current && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return { value: undefined, pointer: at };
    at = ref;
    current = valueAt(doc, ref) as Obj | undefined;
  }
  return { value: current && typeof current === 'object' ? current : undefined, pointer: at };
}

/** A schema with one local `$ref` followed, as the runtime's style rules always read it; `{}` when absent. */
export function followRef(doc: Obj, schema: unknown): Obj {
  let node = schema;
  if (node && typeof node === 'object' && typeof (node as Obj).$ref === 'string') node = valueAt(doc, (node as Obj).$ref as string);
  return asObj(node);
}

export function asObj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

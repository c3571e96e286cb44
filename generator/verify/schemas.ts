/**
 * JSON Schema validation of OpenAPI schemas with ajv. OpenAPI 3.1 schemas are JSON Schema 2020-12
 * and go to Ajv2020 as they are. OpenAPI 3.0 schemas are a dialect of draft 4/7: `nullable`, boolean
 * `exclusiveMinimum`/`exclusiveMaximum` are rewritten to draft-07 first, or ajv would wrongly reject
 * `null` for a nullable field and ignore exclusive bounds.
 *
 * The whole (bundled) document is registered once under an id, so a local `#/components/...` ref
 * inside any schema resolves without copying schemas around.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { escapePointerToken } from '../diagnostics.js';
import { newAjv } from '../../templates/runtime/validate/ajv.js';

/** What verify needs of a compiled schema: ajv's ValidateFunction, or an accept-all stand-in. */
type SchemaCheck = ((value: unknown) => boolean) & Pick<ValidateFunction, 'errors'>;

type Obj = Record<string, unknown>;
const DOC_ID = 'faultline:spec';

export interface SchemaValidator {
  /** Errors as short strings; empty when `value` is valid against the schema at `pointer`. */
  validate(pointer: string, value: unknown): string[];
  /** Same, for a parameter value as sent on the wire (a string, types coerced like a server would). */
  validateParam(pointer: string, value: string | string[]): string[];
}

export function createSchemaValidator(document: Obj): SchemaValidator {
  const is31 = String(document.openapi).startsWith('3.1');
  const doc = is31 ? document : convert30(structuredClone(document));
  const make = (coerceTypes: boolean | 'array') => {
    // full formats: verify judges a service's answers, where an exact check beats a fast one
    const ajv = newAjv(is31, { strict: false, allErrors: false, validateSchema: false, logger: false, coerceTypes }, 'full');
    ajv.addSchema(doc as Obj, DOC_ID);
    return ajv;
  };
  const plain = make(false);
  const coercing = make('array');
  const cache = new Map<string, SchemaCheck>();
  const compiled = (ajv: Ajv, tag: string, pointer: string) => {
    const key = tag + pointer;
    let fn = cache.get(key);
    if (!fn) {
      // A schema ajv cannot compile (a pattern in another regex dialect, say) accepts everything:
      // no finding comes from it, and no invalid probe is derived from it.
      const ref = { $ref: `${DOC_ID}${pointer}` };
      // ajv cannot coerce a root value in place, so parameters are validated as a property.
      try {
        fn = ajv.compile(tag === 'c' ? { type: 'object', properties: { v: ref } } : ref);
      } catch {
        fn = Object.assign((_value: unknown) => true, { errors: null });
      }
      cache.set(key, fn);
    }
    return fn;
  };
  const errorsOf = (compile: () => SchemaCheck, value: unknown) => {
    const fn = compile();
    return fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  };
  return {
    validate: (pointer, value) => errorsOf(() => compiled(plain, 'p', pointer), value),
    validateParam: (pointer, value) => {
      // Coercion mutates its input, so hand ajv a throwaway wrapper.
      const wrapper = { v: Array.isArray(value) ? [...value] : value };
      return errorsOf(() => compiled(coercing, 'c', pointer), wrapper);
    },
  };
}

/** JSON pointer of a schema nested at `tokens` below `base`. */
export function childPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

/** OpenAPI 3.0 -> draft-07, in place. Walks every object: `nullable` only means something on schemas. */
export function convert30(node: unknown): unknown {
  if (Array.isArray(node)) {
    node.forEach(convert30);
    return node;
  }
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Obj;
  for (const value of Object.values(schema)) convert30(value);
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else if (schema[flag] === false) {
      delete schema[flag];
    }
  }
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (nullable) makeNullable(schema);
  return schema;
}

function makeNullable(schema: Obj): void {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  // A $ref, allOf or a schema without type: wrap, since siblings of $ref are ignored in draft-07.
  if (schema.type === undefined && (schema.$ref || schema.allOf || schema.oneOf || schema.anyOf)) {
    const inner = { ...schema };
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [inner, { type: 'null' }];
  }
}

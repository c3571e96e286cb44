/**
 * Ajv instances configured as express-openapi-validator configures its own (strict off, strict
 * numbers and tuples, formats from ajv-formats in "fast" mode, which also covers int32/int64/float/
 * double/byte/binary/password; default `unicodeRegExp`, so patterns compile exactly as there), with
 * its `readOnly` (requests) and `writeOnly` (responses) keywords. The prepared spec is added once
 * under SPEC_ID; every compiled validator is a small wrapper whose `$ref`s point into it, so a
 * component schema is compiled once per instance and shared by every operation.
 *
 * `newAjv` is the one place an Ajv is made, for the runtime and for the generator (verify's
 * schema checks), so the class per OpenAPI version and the ajv-formats shim exist once.
 */
import { Ajv, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const SPEC_ID = 'faultline:openapi.json';

// ajv-formats is CommonJS: its function may arrive under `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
  options: { mode: 'fast' | 'full' },
) => void;

/** 'params': coercing (strings of the URL become numbers, booleans); 'body': no coercion; 'response': first error only. */
export type AjvRole = 'params' | 'body' | 'response';

/**
 * An Ajv for OpenAPI schemas: Ajv2020 for 3.1 (JSON Schema 2020-12), draft-07 Ajv for 3.0 (after
 * the caller's 3.0 rewrites), with ajv-formats in the given mode (`fast` as
 * express-openapi-validator; `full` where exactness beats speed) and 3.1's `media-range`.
 */
export function newAjv(is31: boolean, options: Options, formats: 'fast' | 'full'): Ajv {
  // Ajv2020 and Ajv are sibling classes over one core with the same public API
  const ajv: Ajv = is31 ? (new Ajv2020(options) as Ajv) : new Ajv(options);
  addFormats(ajv, { mode: formats });
  if (is31) ajv.addFormat('media-range', true);
  return ajv;
}

export function createAjv(spec: object, is31: boolean, role: AjvRole): Ajv {
  const options: Options = {
    strict: false,
    strictNumbers: true,
    strictTuples: true,
    allowUnionTypes: false,
    validateSchema: false,
    coerceTypes: role === 'params',
    useDefaults: role !== 'response',
    removeAdditional: false,
    allErrors: role !== 'response',
    logger: false,
    // First use of an operation compiles its validators on the request's path: on GitHub's spec a large
    // response schema (an event, a pull request) took 150-190 ms. A component `$ref` compiled once as its
    // own function (and called) instead of inlined at every place it is used, and no optimizer pass over
    // the generated code, together cut that 2-3x (bench/first-use.ts). Same validation, same errors where
    // the router reads them (instance paths; schema paths only for an error at the data's root).
    inlineRefs: false,
    code: { optimize: false },
  };
  const ajv = newAjv(is31, options, 'fast');
  if (role === 'response') flagKeyword(ajv, 'writeOnly', 'is write-only');
  else flagKeyword(ajv, 'readOnly', 'is read-only');
  ajv.addSchema(spec, SPEC_ID);
  return ajv;
}

/** A property carrying the flag must be absent, as in express-openapi-validator (which reports even `null`). */
function flagKeyword(ajv: Ajv, keyword: 'readOnly' | 'writeOnly', message: string): void {
  ajv.removeKeyword(keyword);
  ajv.addKeyword({
    keyword,
    errors: true,
    compile: (flag: unknown, _parent, it) => {
      if (!flag) return () => true;
      const validate = (_data: unknown, ctx?: { instancePath: string; parentDataProperty: string | number }) => {
        validate.errors = [
          {
            keyword,
            instancePath: ctx?.instancePath ?? '',
            schemaPath: it.schemaPath.str,
            message,
            params: { [keyword]: ctx?.parentDataProperty },
          },
        ];
        return false;
      };
      validate.errors = null as unknown;
      // Ajv types a keyword's compiled function as DataValidateFunction, whose `errors` are Partial<ErrorObject>[]; ours sets whole ErrorObjects
      return validate as never;
    },
  });
}

export function refTo(pointer: string): { $ref: string } {
  return { $ref: SPEC_ID + pointer };
}

/**
 * Checks response bodies against the schemas in generated/openapi.json with ajv. OpenAPI 3.1 schemas
 * are JSON Schema 2020-12; OpenAPI 3.0 ones are rewritten to draft-07 first (`nullable`, boolean
 * exclusive bounds). The document is registered once, so `#/components/...` refs resolve in place.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type Obj = Record<string, unknown>;
/** A schema object: the keywords convert30 reads by name, and any others. */
type SchemaNode = Obj & {
  nullable?: unknown;
  type?: unknown;
  enum?: unknown;
  $ref?: unknown;
  allOf?: unknown;
  oneOf?: unknown;
  anyOf?: unknown;
};
const DOC = 'openapi.json';
// ajv-formats is CommonJS: its function may arrive under `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;

export interface BodyChecker {
  /** Pointer of the schema of a documented response, e.g. `#/components/responses/NotFound/content/...`. */
  schemaPointer(path: string, method: string, status: string, contentType: string): string | undefined;
  /** Error messages; empty when `body` is valid against the schema at `pointer`. */
  errors(pointer: string, body: unknown): string[];
}

export function createBodyChecker(spec: object): BodyChecker {
  const doc = structuredClone(spec) as Obj & { openapi?: unknown };
  const is31 = String(doc.openapi).startsWith('3.1');
  if (!is31) convert30(doc);
  const options = { strict: false, allErrors: true, validateSchema: false, logger: false } as const;
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  ajv.addSchema(doc, DOC);
  const compiled = new Map<string, ValidateFunction>();
  return {
    schemaPointer(path, method, status, contentType) {
      let pointer = `#/paths/${esc(path)}/${method.toLowerCase()}/responses/${esc(status)}`;
      for (let hops = 0; hops < 10; hops++) {
        const ref = (at(doc, pointer) as { $ref?: unknown } | undefined)?.$ref;
        if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
        pointer = ref;
      }
      pointer += `/content/${esc(contentType)}/schema`;
      return at(doc, pointer) === undefined ? undefined : pointer;
    },
    errors(pointer, body) {
      let validate = compiled.get(pointer);
      if (!validate) compiled.set(pointer, (validate = ajv.compile({ $ref: DOC + pointer })));
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
    },
  };
}

function esc(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function at(doc: Obj, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.replace(/^#\/?/, '').split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Obj)[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** OpenAPI 3.0 -> draft-07, in place. */
function convert30(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(convert30);
  if (node === null || typeof node !== 'object') return;
  const schema = node as SchemaNode;
  Object.values(schema).forEach(convert30);
  if (schema.nullable === true) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    if (schema.type === undefined && (schema.$ref || schema.allOf || schema.oneOf || schema.anyOf)) {
      const inner = { ...schema };
      for (const key of Object.keys(schema)) delete schema[key];
      schema.anyOf = [inner, { type: 'null' }];
    }
  }
  if (typeof schema.nullable === 'boolean') delete schema.nullable;
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else if (schema[flag] === false) delete schema[flag];
  }
}

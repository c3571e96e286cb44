/**
 * The validator's copy of the bundled spec, made once per Ajv family (request, response). It keeps
 * every JSON pointer of the original (so `#/paths/...` pointers computed from the original resolve in
 * the copy) and applies what express-openapi-validator's schema preprocessor does:
 * - requests: a property marked `readOnly` is not `required` (sending it is an error instead);
 * - responses: a property marked `writeOnly` is not `required`;
 * - OpenAPI 3.0: boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04) become draft-07 numbers;
 * - example payloads are left out (they are not validated and may hold `$id`-like keys).
 */
type Obj = Record<string, unknown>;

/** Keys whose value maps names to things: their children are never keywords. */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'parameters', 'responses',
  'requestBodies', 'headers', 'content', 'paths', 'callbacks', 'securitySchemes', 'links', 'encoding', 'mapping',
  'variables', 'webhooks', 'pathItems',
]);

export type SpecKind = 'request' | 'response';

export function prepareSpec(spec: object, kind: SpecKind, is31: boolean): Obj {
  const hidden = kind === 'request' ? 'readOnly' : 'writeOnly';
  const clone = (value: unknown, nameMap: boolean): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => clone(item, false));
    const source = value as Obj;
    const out: Obj = {};
    for (const key of Object.keys(source)) {
      if (!nameMap && (key === 'example' || key === 'examples')) continue;
      out[key] = clone(source[key], !nameMap && NAME_MAPS.has(key));
    }
    if (!nameMap) {
      if (!is31) draft04Bounds(out);
      dropHiddenRequired(out, hidden);
    }
    return out;
  };
  return clone(spec, false) as Obj;
}

function draft04Bounds(schema: Obj): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof schema[exclusive] !== 'boolean') continue;
    if (schema[exclusive] === true && typeof schema[bound] === 'number') {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else {
      delete schema[exclusive];
    }
  }
}

/** As the preprocessor does: only a property whose own schema (not a `$ref` target) carries the flag. */
function dropHiddenRequired(schema: Obj, flag: 'readOnly' | 'writeOnly'): void {
  const required = schema.required;
  const properties = schema.properties as Obj | undefined;
  if (!Array.isArray(required) || !properties || typeof properties !== 'object') return;
  const kept = required.filter((name) => !((properties[name] as Obj | undefined)?.[flag] === true));
  if (kept.length === required.length) return;
  if (kept.length) schema.required = kept;
  else delete schema.required;
}

/** Follows `$ref`s between non-schema objects (parameters, request bodies, responses, path items). */
export function resolveObject(doc: Obj, value: unknown, pointer: string): { value: Obj | undefined; pointer: string } {
  let current = value as Obj | undefined;
  let at = pointer;
  for (let hops = 0; hops < 20 && current && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return { value: undefined, pointer: at };
    at = ref;
    current = valueAtPointer(doc, ref) as Obj | undefined;
  }
  return { value: current && typeof current === 'object' ? current : undefined, pointer: at };
}

export function valueAtPointer(doc: unknown, pointer: string): unknown {
  const tokens = pointer.replace(/^#/, '').split('/').slice(1);
  let node = doc;
  for (const raw of tokens) {
    if (node === null || typeof node !== 'object') return undefined;
    const token = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Obj)[token];
  }
  return node;
}

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

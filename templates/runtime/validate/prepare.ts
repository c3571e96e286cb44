/**
 * The validator's copy of the bundled spec, one per Ajv family (request, response). It keeps every
 * JSON pointer of the original (so the plans' `#/paths/...` pointers resolve in the copy) and applies
 * what express-openapi-validator's schema preprocessor does:
 * - requests: a property marked `readOnly` is not `required` (sending it is an error instead);
 * - responses: a property marked `writeOnly` is not `required`;
 * - OpenAPI 3.0: boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04) become draft-07 numbers;
 * - example payloads are left out (they are not validated and may hold `$id`-like keys).
 * prepared-spec.ts applies this to the parts of the spec validators reach, on first use.
 */
type Obj = Record<string, unknown>;

/** Keys whose value maps names to things: their children are never keywords. */
export const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'headers',
  'content',
  'paths',
  'callbacks',
  'securitySchemes',
  'links',
  'encoding',
  'mapping',
  'variables',
  'webhooks',
  'pathItems',
]);

/** Keywords that give a schema a name other than its JSON pointer: only the whole document resolves them. */
const IDENTIFIERS = new Set(['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef']);

export type SpecKind = 'request' | 'response';

/** What a prepared subtree refers to: local `$ref` pointers, and whether it needs the whole document. */
export interface Reach {
  refs: string[];
  /** An identifier keyword or a `$ref` that is not a `#/...` pointer. */
  needsWholeDocument: boolean;
}

export function prepareSpec(spec: object, kind: SpecKind, is31: boolean): Obj {
  return prepareNode(spec, false, kind, is31) as Obj;
}

/** Prepares `value`; `nameMap`: its keys are names (see NAME_MAPS), not keywords. */
export function prepareNode(value: unknown, nameMap: boolean, kind: SpecKind, is31: boolean, reach?: Reach): unknown {
  const hidden = kind === 'request' ? 'readOnly' : 'writeOnly';
  const clone = (value: unknown, nameMap: boolean): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => clone(item, false));
    const source = value as Obj;
    const out: Obj = {};
    for (const key of Object.keys(source)) {
      if (!nameMap && (key === 'example' || key === 'examples')) continue;
      if (reach && !nameMap) noteReach(reach, key, source[key]);
      out[key] = clone(source[key], !nameMap && NAME_MAPS.has(key));
    }
    if (!nameMap) {
      if (!is31) draft04Bounds(out);
      dropHiddenRequired(out, hidden);
    }
    return out;
  };
  return clone(value, nameMap);
}

function noteReach(reach: Reach, key: string, value: unknown): void {
  if (key === '$ref' && typeof value === 'string') {
    if (value.startsWith('#/')) reach.refs.push(value);
    else reach.needsWholeDocument = true;
  } else if (IDENTIFIERS.has(key)) reach.needsWholeDocument = true;
}

function draft04Bounds(schema: Obj): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
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
function dropHiddenRequired(schema: Obj & { required?: unknown; properties?: unknown }, flag: 'readOnly' | 'writeOnly'): void {
  const required = schema.required;
  const properties = schema.properties as Obj | undefined;
  if (!Array.isArray(required) || !properties || typeof properties !== 'object') return;
  const kept = required.filter((name) => !((properties[name] as Obj | undefined)?.[flag] === true));
  if (kept.length === required.length) return;
  if (kept.length) schema.required = kept;
  else delete schema.required;
}

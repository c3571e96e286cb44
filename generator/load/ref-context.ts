/**
 * What kind of OpenAPI object sits under a key. The bundler needs this for two reasons: an external
 * `$ref` is hoisted into the matching `components` section, and `$ref` keys inside example payloads
 * (GitHub's spec has `"$ref": "https://..."` in examples) are data, never references.
 */
export type Kind =
  | 'root'
  | 'paths'
  | 'pathItem'
  | 'operation'
  | 'parameterList'
  | 'parameter'
  | 'requestBody'
  | 'responseMap'
  | 'response'
  | 'contentMap'
  | 'mediaType'
  | 'headerMap'
  | 'header'
  | 'schema'
  | 'schemaMap'
  | 'schemaList'
  | 'exampleMap'
  | 'example'
  | 'components'
  | 'componentMap'
  | 'data'
  | 'other'
  /** OpenAPI 3.2 `additionalOperations`: method -> operation */
  | 'operationMap'
  /** the value of an `x-` key: vendor data faultline never uses (see extension-refs.ts) */
  | 'extension';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
const SCHEMA_CHILD = new Set([
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contentSchema',
]);
const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum']);

const COMPONENT_KINDS: Record<string, Kind> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  requestBodies: 'requestBody',
  headers: 'header',
  examples: 'example',
  pathItems: 'pathItem',
  mediaTypes: 'mediaType',
};

/** Objects whose keys are names chosen by the spec author: an `x-` key there is a name, not an extension. */
const NAMED_KEYS = new Set<Kind>(['componentMap', 'schemaMap', 'contentMap', 'headerMap', 'exampleMap', 'operationMap', 'data']);

/** The kind of the value stored under `key` in an object of kind `parent` (componentMap carries its item kind). */
export function childKind(parent: Kind, key: string, componentItem?: Kind): Kind {
  if (parent === 'extension' || (key.startsWith('x-') && !NAMED_KEYS.has(parent))) return 'extension';
  switch (parent) {
    case 'root':
      if (key === 'paths' || key === 'webhooks') return 'paths';
      if (key === 'components') return 'components';
      return 'other';
    case 'components':
      return COMPONENT_KINDS[key] ? 'componentMap' : 'other';
    case 'componentMap':
      return componentItem ?? 'other';
    case 'paths':
      return 'pathItem';
    case 'pathItem':
      if (key === 'parameters') return 'parameterList';
      if (key === 'additionalOperations') return 'operationMap';
      return METHODS.has(key) ? 'operation' : 'other';
    case 'operationMap':
      return 'operation';
    case 'operation':
      if (key === 'parameters') return 'parameterList';
      if (key === 'requestBody') return 'requestBody';
      if (key === 'responses') return 'responseMap';
      return 'other';
    case 'parameterList':
      return 'parameter';
    case 'responseMap':
      return 'response';
    case 'response':
      if (key === 'content') return 'contentMap';
      if (key === 'headers') return 'headerMap';
      return 'other';
    case 'requestBody':
      return key === 'content' ? 'contentMap' : 'other';
    case 'contentMap':
      return 'mediaType';
    case 'headerMap':
      return 'header';
    case 'mediaType':
    case 'parameter':
    case 'header':
      if (key === 'schema' || (parent === 'mediaType' && key === 'itemSchema')) return 'schema';
      if (key === 'content') return 'contentMap';
      if (key === 'examples') return 'exampleMap';
      if (key === 'example') return 'data';
      return 'other';
    case 'exampleMap':
      return 'example';
    case 'example':
      return key === 'value' ? 'data' : 'other';
    case 'schema':
      if (SCHEMA_CHILD.has(key)) return 'schema';
      if (SCHEMA_MAP.has(key)) return 'schemaMap';
      if (SCHEMA_LIST.has(key)) return 'schemaList';
      if (DATA.has(key)) return 'data';
      return 'other';
    case 'schemaMap':
    case 'schemaList':
      return 'schema';
    case 'data':
      return 'data';
    default:
      return 'other';
  }
}

export function componentItemKind(section: string): Kind | undefined {
  return COMPONENT_KINDS[section];
}

/** Where an external `$ref` of this kind is hoisted to; undefined means it is inlined. */
export function hoistSection(kind: Kind): string | undefined {
  for (const [section, k] of Object.entries(COMPONENT_KINDS))
    if (k === kind && section !== 'pathItems' && section !== 'mediaTypes') return section;
  return undefined;
}

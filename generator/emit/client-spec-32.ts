/**
 * OpenAPI 3.2 presented to tools that read 3.1 (@hey-api/openapi-ts, openapi-typescript). 3.2 is 3.1
 * plus new parts; the copy keeps every 3.1 part and rewrites the new ones the tools cannot read:
 *
 * - `openapi: 3.2.x` -> `3.1.1`; the root `$self` (a base URI the loader has already applied) goes.
 * - operations under methods other than the eight of 3.1 (`query`, and `additionalOperations`, which
 *   the loader lifted into lower-case path item keys) are left out: neither tool can type or call
 *   them. faultline types their handlers itself (extra-method-types.ts).
 * - a sequential media type's `itemSchema` (text/event-stream, application/jsonl, ...) without a
 *   `schema` becomes `schema: {type: array, items: <itemSchema>}`: a stream is typed as the list of
 *   its items.
 * - `in: querystring` parameters (the whole query string as one value) are left out.
 * https://spec.openapis.org/oas/v3.2.0.html
 */
import { childKind, componentItemKind, type Kind } from '../load/ref-context.js';
import { STANDARD_METHODS } from '../model/paths.js';

type Obj = Record<string, unknown>;

/** Changes `doc` in place (the caller's copy) and returns it; documents before 3.2 are returned as they are. */
export function asOpenApi31(doc: Obj, options: { keepMethods?: boolean } = {}): Obj {
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.2')) return doc;
  doc.openapi = '3.1.1';
  delete doc.$self;
  const visit = (node: unknown, kind: Kind, tokens: string[], depth: number): void => {
    if (node === null || typeof node !== 'object' || kind === 'data' || depth > 400) return;
    if (Array.isArray(node)) {
      if (kind === 'parameterList') removeQuerystring(node);
      return node.forEach((item, i) => visit(item, childKind(kind, String(i)), [...tokens, String(i)], depth + 1));
    }
    const obj = node as Obj;
    if (kind === 'pathItem' && !options.keepMethods) for (const key of Object.keys(obj)) if (isExtraMethod(key)) delete obj[key];
    if (kind === 'mediaType' && obj.itemSchema !== undefined && obj.schema === undefined) {
      obj.schema = { type: 'array', items: obj.itemSchema };
      delete obj.itemSchema;
    }
    for (const key of Object.keys(obj)) {
      const k = kind === 'componentMap' ? childKind(kind, key, componentItemKind(tokens[tokens.length - 1])) : childKind(kind, key);
      visit(obj[key], k, [...tokens, key], depth + 1);
    }
  };
  visit(doc, 'root', [], 0);
  const components = doc.components as Obj | undefined;
  if (components && typeof components === 'object') delete components.mediaTypes;
  return doc;
}

const PATH_ITEM_FIELDS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', 'additionalOperations']);

function isExtraMethod(key: string): boolean {
  if (PATH_ITEM_FIELDS.has(key)) return key === 'additionalOperations';
  return !key.startsWith('x-') && !(STANDARD_METHODS as readonly string[]).includes(key);
}

function removeQuerystring(list: unknown[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i] as Obj | null;
    if (p && typeof p === 'object' && p.in === 'querystring') list.splice(i, 1);
  }
}

/**
 * Which fields of a multipart/form-data request body are files. The runtime (templates/runtime/
 * multipart.ts) hands the handler a file part as an UploadedFile, while openapi-typescript types
 * `format: binary` as `string`; these facts let handlers.gen.ts say UploadedFile instead, and let the
 * runtime make every value agree with that type (multipart-shape.ts).
 *
 * A field is a file when its schema is `format: binary` (OpenAPI 3.0, with `type: string` or no type)
 * or, in OpenAPI 3.1, has `contentMediaType` or `contentEncoding` and no JSON type; an array whose
 * items are files is a list of files. Only the body's top-level properties are form fields, so the
 * walk follows `$ref` chains and `allOf` (their properties merge), and the branches of a top-level
 * `oneOf`/`anyOf` when they agree on which fields are files (the handler type maps each branch).
 * Nothing deeper: branches that disagree, or a property whose file-ness depends on its own
 * `oneOf`/`anyOf`, leave the body as openapi-typescript types it and the runtime leaves its value as it
 * arrived (README, "Multipart uploads").
 */
import { resolveLocal } from '../load/local-ref.js';

type Obj = Record<string, unknown>;

/** `file`: one UploadedFile; `files`: UploadedFile[]; `value`: a declared non-file field (its text). */
export type MultipartFieldKind = 'file' | 'files' | 'value';

export interface MultipartField {
  name: string;
  kind: MultipartFieldKind;
}

export interface MultipartFields {
  /** The documented media type, exactly as the spec spells it (multipart/form-data...). */
  contentType: string;
  /** Every top-level property the schema declares, sorted by name. */
  fields: MultipartField[];
}

const MAX_DEPTH = 16;

export function isMultipartFormData(contentType: string): boolean {
  return contentType.split(';')[0].trim().toLowerCase() === 'multipart/form-data';
}

/** The multipart/form-data media types of a request body and their fields; empty when there are none. */
export function multipartFieldsOf(doc: Obj, content: Obj): MultipartFields[] {
  const out: MultipartFields[] = [];
  for (const contentType of Object.keys(content).sort()) {
    if (!isMultipartFormData(contentType)) continue;
    const media = asObj(content[contentType]);
    const kinds = fieldKinds(doc, media.schema, 0);
    if (!kinds || kinds.size === 0) continue;
    const fields = [...kinds].map(([name, kind]) => ({ name, kind }));
    fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out.push({ contentType, fields });
  }
  return out;
}

/** name -> kind for an object schema's properties, through `$ref`, `allOf` and agreeing `oneOf`/`anyOf` branches. */
function fieldKinds(doc: Obj, raw: unknown, depth: number): Map<string, MultipartFieldKind> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const schema = asObj(resolveLocal(doc, raw));
  const properties = topLevelProperties(doc, schema, depth);
  if (!properties) return undefined;
  const kinds = new Map([...properties].map(([name, property]) => [name, fieldKind(doc, property)] as const));
  for (const branches of [schema.oneOf, schema.anyOf]) {
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const branchKinds = fieldKinds(doc, branch, depth + 1);
      if (!branchKinds) return undefined;
      for (const [name, kind] of branchKinds) {
        // a field that is a file in one branch and text in another: no single answer to type or shape by
        if (kinds.has(name) && kinds.get(name) !== kind) return undefined;
        kinds.set(name, kind);
      }
    }
  }
  return kinds;
}

/** The properties of an object schema and its `allOf` members (same-named ones merged as an allOf). */
function topLevelProperties(doc: Obj, schema: Obj, depth: number): Map<string, unknown> | undefined {
  const merged = new Map<string, unknown>();
  const add = (name: string, property: unknown) => merged.set(name, merged.has(name) ? { allOf: [merged.get(name), property] } : property);
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      const resolved = asObj(resolveLocal(doc, member));
      if (depth + 1 > MAX_DEPTH || Array.isArray(resolved.oneOf) || Array.isArray(resolved.anyOf)) return undefined;
      const properties = topLevelProperties(doc, resolved, depth + 1);
      if (!properties) return undefined;
      for (const [name, property] of properties) add(name, property);
    }
  }
  const own = asObj(schema.properties);
  // own keys only: a property called __proto__ or constructor is a name like any other
  for (const name of Object.keys(own)) add(name, own[name]);
  return merged;
}

function fieldKind(doc: Obj, raw: unknown): MultipartFieldKind {
  const schema = asObj(resolveLocal(doc, raw));
  if (isFileSchema(doc, schema, 0)) return 'file';
  if (typesOf(schema).includes('array') && isFileSchema(doc, asObj(resolveLocal(doc, schema.items)), 0)) return 'files';
  return 'value';
}

/** `format: binary` (string or untyped), or 3.1's contentMediaType/contentEncoding with no JSON type; `allOf` members count. */
function isFileSchema(doc: Obj, schema: Obj, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const types = typesOf(schema);
  if (schema.format === 'binary' && (types.length === 0 || types.includes('string'))) return true;
  if (types.length === 0 && (typeof schema.contentMediaType === 'string' || typeof schema.contentEncoding === 'string')) return true;
  return Array.isArray(schema.allOf) && schema.allOf.some((member) => isFileSchema(doc, asObj(resolveLocal(doc, member)), depth + 1));
}

/** The schema's JSON types, `null` aside (a nullable file is still a file: a form cannot send null). */
function typesOf(schema: Obj): string[] {
  const type = schema.type;
  const list = Array.isArray(type) ? type : typeof type === 'string' ? [type] : [];
  return list.filter((t) => t !== 'null');
}

function asObj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

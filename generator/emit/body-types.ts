/**
 * The type of a request body as the handler receives it, per documented media type. The runtime's
 * parsers (templates/runtime/body-parsers.ts) decide what arrives, so this mirrors their dispatch:
 * JSON, urlencoded and XML bodies are parsed and validated, so openapi-typescript's type holds;
 * text/* arrives as a string; multipart/form-data has its file fields as UploadedFile
 * (multipart-shape.ts); any other media type (octet-stream, images, PDFs...) as the raw Buffer; a
 * wildcard (`*\/*`, `image/*`) could be any of those, so `unknown`.
 */
import { literal } from './safe-text.js';
import type { MultipartFields } from '../model/multipart-fields.js';

/** `schemaType` is the openapi-typescript type expression of the media type's schema. */
export function receivedBodyType(contentType: string, schemaType: string, multipart: MultipartFields[] | undefined): string {
  const base = contentType.split(';')[0].trim().toLowerCase();
  if (base.includes('*')) return 'unknown';
  if (/^application\/([a-z0-9.+-]*\+)?json$/.test(base) || base === 'application/x-www-form-urlencoded') return schemaType;
  if (/^(application|text)\/([^;]*\+)?xml$/.test(base)) return schemaType;
  if (base.startsWith('text/')) return `(${schemaType} extends string ? ${schemaType} : string)`;
  if (base === 'multipart/form-data')
    return multipartType(
      schemaType,
      multipart?.find((m) => m.contentType === contentType),
    );
  return 'Buffer';
}

/** `rt.WithUploads<T, { "avatar": "file"; "photos": "files" }>`; field names only as JSON string literals. */
function multipartType(schemaType: string, fields: MultipartFields | undefined): string {
  const files = fields?.fields.filter((f) => f.kind !== 'value') ?? [];
  if (!files.length) return schemaType;
  return `rt.WithUploads<${schemaType}, { ${files.map((f) => `${literal(f.name)}: ${literal(f.kind)}`).join('; ')} }>`;
}

/**
 * Makes a parsed multipart/form-data body agree with its handler type (handlers.gen.ts). busboy
 * reports a part as a file when the client gave it a filename, whatever the schema says; the
 * generator worked out which fields are files (generator/model/multipart-fields.ts) and put them in
 * the contract, so here:
 * - a file field (`format: binary`, 3.1 `contentMediaType`) sent as a plain part becomes an
 *   UploadedFile of its bytes (no filename, text/plain), so `body.avatar.buffer` always exists;
 * - a list-of-files field is always an array, even of one;
 * - a declared non-file field sent as a file part (a Blob appended to FormData) becomes its text, as
 *   its `string` type says, and is validated as that text.
 * Fields the schema does not declare, and bodies whose fields the generator could not work out
 * (oneOf/anyOf branches that disagree on a field), are left as they arrived.
 */
import type { UploadedFile } from './uploaded-file.js';

export type MultipartFieldKind = 'file' | 'files' | 'value';

export interface MultipartFieldsContract {
  contentType: string;
  fields: { name: string; kind: MultipartFieldKind }[];
}

/** The handler's type of a multipart body: openapi-typescript's `T` with the file fields `F` as UploadedFile(s). */
export type WithUploads<T, F extends Record<string, 'file' | 'files'>> = T extends object
  ? { [K in keyof T]: K extends keyof F ? (F[K] extends 'files' ? UploadedFile[] : UploadedFile) : T[K] }
  : T;

/** The entry of `multipart` for the request's Content-Type (multipart/form-data; boundary=...). */
export function multipartFieldsFor(
  multipart: MultipartFieldsContract[] | undefined,
  contentType: string | undefined,
): MultipartFieldsContract['fields'] | undefined {
  if (!multipart?.length) return undefined;
  const wanted = (String(contentType ?? '').split(';')[0] ?? '').trim().toLowerCase();
  return multipart.find((m) => (m.contentType.split(';')[0] ?? '').trim().toLowerCase() === wanted)?.fields;
}

/** Shapes `body` (busboy's fields and files, a null-prototype object) in place. */
export function shapeMultipartBody(body: Record<string, unknown>, fields: MultipartFieldsContract['fields']): void {
  for (const { name, kind } of fields) {
    if (!Object.hasOwn(body, name)) continue;
    const value = body[name];
    if (kind === 'file') body[name] = Array.isArray(value) ? value.map((v) => asFile(name, v)) : asFile(name, value);
    else if (kind === 'files') body[name] = (Array.isArray(value) ? value : [value]).map((v) => asFile(name, v));
    else body[name] = Array.isArray(value) ? value.map(asText) : asText(value);
  }
}

function isFile(value: unknown): value is UploadedFile {
  return !!value && typeof value === 'object' && Buffer.isBuffer((value as UploadedFile).buffer);
}

function asFile(fieldName: string, value: unknown): unknown {
  if (isFile(value) || typeof value !== 'string') return value;
  const buffer = Buffer.from(value, 'utf8');
  return { fieldName, filename: '', mimeType: 'text/plain', size: buffer.length, buffer } satisfies UploadedFile;
}

function asText(value: unknown): unknown {
  return isFile(value) ? value.buffer.toString('utf8') : value;
}

/**
 * A request body on the wire as a real client encodes it for its media type: JSON as JSON text,
 * `application/x-www-form-urlencoded` as URLSearchParams writes it (spaces as `+`, arrays as repeated
 * keys), `multipart/form-data` as FormData writes it (a fixed boundary, so plans stay reproducible;
 * the fields the model types as files sent as file parts, as the runtime reads them), XML as
 * one element per property under the schema's `xml.name` (else `root`), other media types as text.
 * Before this, verify sent JSON text labelled multipart or urlencoded, which no client does.
 */
import { resolveLocal } from '../load/local-ref.js';
import { multipartFieldsOf } from '../model/multipart-fields.js';

type Obj = Record<string, unknown>;

export const MULTIPART_BOUNDARY = 'faultline-verify-boundary';

export function wireContentType(contentType: string): string {
  return /^multipart\/form-data\s*$/i.test(contentType.trim()) ? `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` : contentType;
}

export function encodeBody(document: Obj, schemaPointer: string | undefined, value: unknown, contentType: string, json: boolean): string {
  const base = contentType.split(';')[0].trim().toLowerCase();
  if (json) return JSON.stringify(value);
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const entries = Object.entries(value as Obj).flatMap(([k, v]) =>
    Array.isArray(v) ? v.map((item) => [k, item] as const) : [[k, v] as const],
  );
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (base === 'application/x-www-form-urlencoded') return new URLSearchParams(entries.map(([k, v]) => [k, text(v)])).toString();
  if (base === 'multipart/form-data') {
    const files = fileFields(document, schemaPointer, base);
    const parts = entries.map(([k, v]) =>
      files.has(k)
        ? `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"; filename="${k}.bin"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n${text(v)}\r\n`
        : `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${text(v)}\r\n`,
    );
    return parts.join('') + `--${MULTIPART_BOUNDARY}--\r\n`;
  }
  if (/^(application|text)\/([^;]*\+)?xml$/.test(base)) {
    const schema = schemaPointer ? (resolveLocal(document, { $ref: schemaPointer }) as Obj | undefined) : undefined;
    const root =
      String(((schema?.xml as Obj | undefined)?.name as string | undefined) ?? schemaPointer?.split('/').pop() ?? 'root').replace(
        /[^A-Za-z0-9_.-]/g,
        '',
      ) || 'root';
    const escapeXml = (v: unknown) => text(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<${root}>${entries.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('')}</${root}>`;
  }
  return JSON.stringify(value);
}

/** The fields sent as file parts: the model's own answer (through `$ref`, `allOf` and agreeing branches). */
function fileFields(document: Obj, schemaPointer: string | undefined, contentType: string): Set<string> {
  if (!schemaPointer) return new Set();
  const [media] = multipartFieldsOf(document, { [contentType]: { schema: { $ref: schemaPointer } } });
  return new Set(media?.fields.filter((f) => f.kind !== 'value').map((f) => f.name));
}

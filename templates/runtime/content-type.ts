/**
 * Framework-independent request checks that come before body parsing: whether a request carries a
 * body, whether it is JSON, and the 415 for a media type the operation does not document (so such a
 * body is never parsed). The same rules as the Express router's.
 */
import type { OperationContract } from './contract.js';
import type { Failure } from './handle-error.js';

type Headers = Record<string, string | string[] | undefined>;

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/;

export function isJsonContentType(contentType: string | undefined): boolean {
  return JSON_TYPE.test(String(contentType ?? '').toLowerCase());
}

export function hasBody(headers: Headers): boolean {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
}

export function contentTypeFailure(headers: Headers, op: OperationContract): Failure | undefined {
  if (!op.body || !hasBody(headers)) return undefined;
  const type = (String(headers['content-type'] ?? '').split(';')[0] ?? '').trim().toLowerCase();
  const accepted = op.body.contentTypes.some((documented) => mediaTypeMatches(documented.toLowerCase(), type));
  return accepted ? undefined : { kind: 'unsupported-media-type' };
}

function mediaTypeMatches(documented: string, actual: string): boolean {
  const base = (documented.split(';')[0] ?? '').trim();
  if (base === '*/*' || base === actual) return true;
  if (base.endsWith('/*')) return actual.startsWith(base.slice(0, -1));
  return false;
}

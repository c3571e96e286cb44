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
  return acceptsContentType(op, headers['content-type']) ? undefined : { kind: 'unsupported-media-type' };
}

/**
 * Whether the operation documents the request's media type, remembered per operation and Content-Type
 * (it split and lower-cased the header and every documented type on every request with a body);
 * bounded per operation so a stream of distinct headers cannot grow it.
 */
const accepted = new WeakMap<OperationContract, Map<string, boolean>>();

function acceptsContentType(op: OperationContract, header: string | string[] | undefined): boolean {
  const key = String(header ?? '');
  let known = accepted.get(op);
  if (!known) accepted.set(op, (known = new Map()));
  let answer = known.get(key);
  if (answer === undefined) {
    const type = (key.split(';')[0] ?? '').trim().toLowerCase();
    answer = op.body!.contentTypes.some((documented) => mediaTypeMatches(documented.toLowerCase(), type));
    if (known.size < 64) known.set(key, answer);
  }
  return answer;
}

function mediaTypeMatches(documented: string, actual: string): boolean {
  const base = (documented.split(';')[0] ?? '').trim();
  if (base === '*/*' || base === actual) return true;
  if (base.endsWith('/*')) return actual.startsWith(base.slice(0, -1));
  return false;
}

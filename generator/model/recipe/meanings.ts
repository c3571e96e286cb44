/**
 * What an error status means, in the words real APIs put in their `code` enums. One table, read by
 * the recipe builder (which enum value a 404 renders), by lint (statuses no value fits) and by
 * verify (a body whose code contradicts its status, such as `NOT_FOUND` on a 500).
 *
 * Values are compared as words: `NotFound`, `not-found`, `RESOURCE_NOT_FOUND`, `ERR_NOT_FOUND` and
 * `https://example.com/probs/not-found` all contain the words `not found`. Phrases are listed most
 * telling first; gRPC canonical codes (https://grpc.io/docs/guides/status-codes/) sit beside the
 * HTTP reason phrases, mapped as grpc-gateway maps them to HTTP.
 */

const MEANINGS: Record<number, string[]> = {
  400: [
    'bad_request',
    'invalid_argument',
    'invalid_request',
    'validation_failed',
    'validation_error',
    'invalid_input',
    'invalid_params',
    'invalid_parameter',
    'invalid_parameters',
    'malformed_request',
    'malformed',
    'bad_input',
    'parse_error',
    'validation',
    'invalid',
  ],
  401: [
    'unauthenticated',
    'unauthorized',
    'not_authenticated',
    'authentication_required',
    'authentication_failed',
    'authentication_error',
    'invalid_token',
    'invalid_credentials',
    'token_expired',
    'expired_token',
    'login_required',
    'auth_required',
  ],
  402: ['payment_required', 'insufficient_funds', 'quota_payment'],
  403: [
    'permission_denied',
    'forbidden',
    'access_denied',
    'insufficient_permissions',
    'insufficient_scope',
    'not_permitted',
    'not_authorized',
  ],
  404: ['not_found', 'no_such', 'does_not_exist', 'unknown_resource', 'missing_resource'],
  405: ['method_not_allowed', 'unsupported_method', 'method_not_supported', 'invalid_method'],
  406: ['not_acceptable'],
  408: ['request_timeout', 'timeout', 'timed_out'],
  409: [
    'already_exists',
    'conflict',
    'duplicate_resource',
    'duplicate_entry',
    'duplicate_key',
    'duplicate',
    'aborted',
    'resource_exists',
    'exists',
    'version_mismatch',
  ],
  410: ['gone', 'deleted', 'no_longer_available'],
  411: ['length_required'],
  412: ['precondition_failed', 'failed_precondition'],
  413: [
    'payload_too_large',
    'request_entity_too_large',
    'request_too_large',
    'entity_too_large',
    'content_too_large',
    'body_too_large',
    'file_too_large',
    'too_large',
  ],
  414: ['uri_too_long', 'url_too_long'],
  415: ['unsupported_media_type', 'unsupported_content_type', 'invalid_content_type', 'unsupported_format'],
  416: ['range_not_satisfiable', 'invalid_range', 'out_of_range'],
  422: [
    'unprocessable_entity',
    'unprocessable_content',
    'unprocessable',
    'validation_failed',
    'validation_error',
    'invalid_argument',
    'failed_precondition',
    'semantic_error',
  ],
  423: ['locked', 'resource_locked'],
  428: ['precondition_required'],
  429: [
    'too_many_requests',
    'rate_limit_exceeded',
    'rate_limited',
    'rate_limit',
    'resource_exhausted',
    'quota_exceeded',
    'throttled',
    'throttling',
    'slow_down',
  ],
  431: ['header_fields_too_large', 'headers_too_large'],
  451: ['unavailable_for_legal_reasons', 'legal'],
  500: [
    'internal_server_error',
    'internal_error',
    'internal',
    'server_error',
    'unexpected_error',
    'unknown_error',
    'api_error',
    'system_error',
    'unknown',
    'data_loss',
    'unexpected',
  ],
  501: ['not_implemented', 'unimplemented', 'not_supported', 'unsupported'],
  502: ['bad_gateway', 'upstream_error', 'bad_upstream'],
  503: ['service_unavailable', 'unavailable', 'temporarily_unavailable', 'maintenance', 'overloaded', 'try_again'],
  504: ['gateway_timeout', 'deadline_exceeded', 'upstream_timeout', 'timeout', 'timed_out'],
};

/** Codes a client reads as success; never rendered on an error. */
const SUCCESS = ['ok', 'success', 'created', 'accepted', 'no_content', 'succeeded', 'done'];

/** Statuses where a client may retry the same request (and every response with Retry-After). */
export const RETRYABLE_STATUSES: readonly number[] = [408, 429, 503, 504];

/** Every status the table describes, ascending. */
export const MEANINGFUL_STATUSES: readonly number[] = Object.keys(MEANINGS).map(Number);

/** `NotFound`, `not-found`, `RESOURCE_NOT_FOUND`, `…/probs/not-found` -> `not_found`-style words. */
export function wordsOf(value: string): string {
  const tail = /^[a-z][a-z0-9+.-]*:/i.test(value) ? (value.split(/[/#:]/).filter(Boolean).pop() ?? value) : value;
  return tail
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * How well `value` says `status`: 0 not at all; higher is better. A numeric string equal to the
 * status wins; then an exact phrase, then a phrase at the end or start of the words, then inside.
 */
export function meaningScore(value: string, status: number): number {
  if (/^\d{3}$/.test(value.trim())) return Number(value) === status ? 1000 : 0;
  const words = wordsOf(value);
  if (!words || SUCCESS.includes(words)) return 0;
  const phrases = MEANINGS[status] ?? [];
  let best = 0;
  phrases.forEach((phrase, i) => {
    const rank = phrases.length - i;
    // A lone word (`invalid`, `unknown`) only counts as the whole value or its last word, so
    // `unknown_field` and `unsupported_media_type` do not read as 500 and 501.
    const single = !phrase.includes('_');
    let fit = 0;
    if (words === phrase) fit = 3;
    else if (words.endsWith(`_${phrase}`) || (!single && words.startsWith(`${phrase}_`))) fit = 2;
    else if (!single && words.includes(`_${phrase}_`)) fit = 1;
    if (fit) best = Math.max(best, fit * 100 + rank);
  });
  return best;
}

/** Statuses a value says, e.g. `ALREADY_EXISTS` -> [409]; `INVALID_ARGUMENT` -> [400, 422]. */
export function statusesMeant(value: string): number[] {
  return MEANINGFUL_STATUSES.filter((s) => meaningScore(value, s) >= 200);
}

/**
 * The value of `values` that best says `status`: its own phrases first, else the generic one of
 * its class (a 418 or a 405 without a better word says "bad request"; a 507 says "internal").
 * `generic` tells which; undefined when no value means anything that fits.
 */
export function pickByMeaning(values: readonly string[], status: number): { value: string; generic: boolean } | undefined {
  const best = (s: number) => {
    let hit: { value: string; score: number } | undefined;
    for (const value of values) {
      const score = meaningScore(value, s);
      if (score > 0 && (!hit || score > hit.score)) hit = { value, score };
    }
    return hit?.value;
  };
  const own = best(status);
  if (own !== undefined && !contradicts(own, status)) return { value: own, generic: false };
  const generic = status >= 500 ? 500 : 400;
  const fallback = status !== generic ? best(generic) : undefined;
  return fallback !== undefined ? { value: fallback, generic: true } : undefined;
}

/**
 * Whether a body saying `value` lies about `status`. A value whose words mean nothing known never
 * contradicts, nor does the generic code of the status's class (`bad_request` on a 404, `internal`
 * on a 503). 400, 422 and 500 are where the runtime sends problems whose own status is not
 * documented (a 415 answered as the operation's 400), so they accept any code of their class.
 */
export function contradicts(value: string, status: number): boolean {
  const words = wordsOf(value);
  if (SUCCESS.includes(words)) return true;
  const meant = statusesMeant(value);
  if (!meant.length || meant.includes(status)) return false;
  const cls = Math.floor(status / 100);
  const sameClass = meant.filter((s) => Math.floor(s / 100) === cls);
  if (!sameClass.length) return true;
  return !([400, 422, 500].includes(status) || sameClass.includes(cls * 100));
}

/** The value to render when no value fits a status: one that means nothing known, else undefined. */
export function neutralChoice(values: readonly string[]): string | undefined {
  return values.find(
    (v) => !SUCCESS.includes(wordsOf(v)) && statusesMeant(v).length === 0 && MEANINGFUL_STATUSES.every((s) => meaningScore(v, s) === 0),
  );
}

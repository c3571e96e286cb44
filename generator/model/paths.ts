/**
 * OpenAPI path templates -> matchers. faultline matches requests itself with an anchored regular
 * expression built from escaped literal text, so path text that Express would read as pattern syntax
 * (`/files:upload`, `/a(b)`, `/{a}-{b}`, `/{a}.{b}`) still matches literally. Literal text is put in
 * the RFC 3986 normal form the runtime matcher puts request paths in (canonical-path.ts).
 */
import { canonicalPath } from '../../templates/runtime/canonical-path.js';

export interface PathTemplate {
  /** Anchored regex source; each path parameter is one capture group that never spans a `/`. */
  pattern: string;
  params: string[];
  /** Sort key: literal segments before parameter segments, then alphabetical. */
  sortKey: string;
}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

export function parsePathTemplate(path: string): PathTemplate {
  const params: string[] = [];
  let pattern = '^';
  let last = 0;
  for (const match of path.matchAll(/\{([^{}]*)\}/g)) {
    pattern += escapeRegex(canonicalPath(path.slice(last, match.index)));
    params.push(match[1]);
    pattern += '([^/]+)';
    last = match.index! + match[0].length;
  }
  pattern += escapeRegex(canonicalPath(path.slice(last))) + '$';
  return { pattern, params, sortKey: sortKeyOf(path) };
}

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

function sortKeyOf(path: string): string {
  // '\u0000' sorts literal segments before '\u0001' parameter segments
  return path
    .split('/')
    .map((segment) => (segment.includes('{') ? `\u0001${segment}` : `\u0000${segment}`))
    .join('/');
}

/** The eight methods of OpenAPI 3.0 and 3.1 path items, the ones openapi-typescript and hey-api read. */
export const STANDARD_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/**
 * OpenAPI 3.2 adds the `query` field and `additionalOperations` (any other method). The loader lifts
 * additional operations into lower-case path item keys, restricted to the methods Node's HTTP parser
 * accepts (a request with any other method never reaches the service). CONNECT is left out: Node hands
 * it to the 'connect' event, never to a request handler.
 */
export const ADDITIONAL_METHODS = [
  'acl',
  'bind',
  'checkout',
  'copy',
  'link',
  'lock',
  'm-search',
  'merge',
  'mkactivity',
  'mkcalendar',
  'mkcol',
  'move',
  'notify',
  'propfind',
  'proppatch',
  'purge',
  'rebind',
  'report',
  'search',
  'source',
  'subscribe',
  'unbind',
  'unlink',
  'unlock',
  'unsubscribe',
] as const;
export const METHOD_ORDER = [...STANDARD_METHODS, 'query', ...ADDITIONAL_METHODS] as const;
export type HttpMethod = (typeof METHOD_ORDER)[number];

export function compareOperations(a: { path: string; method: HttpMethod }, b: { path: string; method: HttpMethod }): number {
  const ka = sortKeyOf(a.path);
  const kb = sortKeyOf(b.path);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);
}

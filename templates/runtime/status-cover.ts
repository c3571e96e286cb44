/**
 * Which documented status covers an actual one: the exact code, then its range (`4XX`), then
 * `default`. Written once for the runtime (which response answers a failure, which schema checks
 * a handler's result) and the generator (lint coverage rules, diff, verify).
 *
 * Copied verbatim into every generated service: no imports.
 */

/** The documented key that covers `status` among `keys`, in the order OpenAPI gives precedence. */
export function coveringStatus(keys: readonly string[], status: number | string): string | undefined {
  // runs twice per response (the answer, its schema): the common exact hit allocates nothing beyond the string
  const exact = String(status);
  if (keys.includes(exact)) return exact;
  const range = `${exact[0]}XX`;
  if (keys.includes(range)) return range;
  if (keys.includes('default')) return 'default';
  return keys.find((k) => k.toUpperCase() === range);
}

/** true when the documented status (`404`, `4XX`, `default`) includes the wanted one (`404`, `4XX`, `default`). */
export function statusCovers(documented: string, wanted: string): boolean {
  if (documented === 'default' || documented === wanted) return true;
  // '4XX' covers '404'; an exact code never covers a range, and only `default` covers `default`.
  return /^[1-5]XX$/i.test(documented) && !/X/i.test(wanted) && wanted !== 'default' && wanted[0] === documented[0];
}

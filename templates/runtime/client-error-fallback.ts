/**
 * The documented answer to a client error when the operation documents neither the error's own status
 * nor 400, 422, 4XX or default (seen on real specs: an operation documenting only 200, 404 and 500).
 * Answering the undocumented 400 would break the contract; the least surprising documented answer is:
 *   1. 404 when the path is what is wrong (a malformed id names no resource) and 404 is documented;
 *   2. else the lowest documented 4xx, leaving out 401, 403, 407 and 429, whose meaning a client acts
 *      on (authenticate, give up, retry later) and which would mislead it here.
 * Only when the operation documents no usable 4xx at all does the caller fall back to the
 * service-level 400; `faultline generate` warns about those operations and `faultline lint` reports them.
 */
import type { OperationContract } from './contract.js';
import type { ErrorChoice } from './respond.js';
import type { Issue } from './problem.js';

const MISLEADING = new Set(['401', '403', '407', '429']);

export function fallbackClientError(
  op: OperationContract,
  issues: readonly Issue[] | undefined,
  badPath: boolean,
): ErrorChoice | undefined {
  const exact = op.errors.filter((e) => /^4\d\d$/.test(e.status) && !MISLEADING.has(e.status));
  if (!exact.length) return undefined;
  const pathIsWrong = badPath || (issues ?? []).some((i) => i.location === 'path');
  const notFound = pathIsWrong ? exact.find((e) => e.status === '404') : undefined;
  const chosen = notFound ?? exact.reduce((a, b) => (Number(b.status) < Number(a.status) ? b : a));
  return { status: Number(chosen.status), response: chosen };
}

/**
 * Status coverage of an operation's documented responses, read by lint, diff and emit. A documented
 * `4XX` or `default` is a promise about every status it spans, so a client (and the generated router)
 * already handles a 404 when the operation documents `4XX`; rules and diffs must count those ranges,
 * not only exact codes.
 */
import type { ModelOperation } from './types.js';
import { statusCovers } from '../../templates/runtime/status-cover.js';

/**
 * The first documented status of `statuses` that covers any of `wanted`, or undefined. (The runtime's
 * `coveringStatus` in templates/runtime/status-cover.ts answers the other question: which documented
 * key answers one actual status.)
 */
export function firstStatusCovering(statuses: readonly string[], wanted: readonly string[]): string | undefined {
  return statuses.find((s) => wanted.some((w) => statusCovers(s, w)));
}

export function documentedStatuses(op: ModelOperation): string[] {
  return op.responses.map((r) => r.status);
}

/** Where a finding about a missing response belongs: the responses object, else the operation. */
export function responsesPointer(op: ModelOperation): string {
  return `${op.pointer}/responses`;
}

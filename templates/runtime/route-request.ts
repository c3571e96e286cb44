/**
 * Matching, the first step of every request on both targets: which operation (else 404, or 405 with
 * Allow), its path parameters decoded (else the bad-path 400), and the 415 for a body whose media type
 * the operation does not document (decided here, so such a body is never read).
 */
import type { OperationContract } from './contract.js';
import type { Failure } from './handle-error.js';
import { decodeParams, type Match } from './match.js';
import { contentTypeFailure } from './content-type.js';

/** `operation` is set on a failure once the operation is known: its documented 400/415 answers then. */
export type Routed =
  | { kind: 'routed'; operation: OperationContract; params: Record<string, string> }
  | { kind: 'failed'; failure: Failure; operation?: OperationContract };

type Headers = Record<string, string | string[] | undefined>;

export function routeRequest(match: (method: string, path: string) => Match, method: string, path: string, headers: Headers): Routed {
  const found = match(method, path);
  if (found.kind === 'none') return { kind: 'failed', failure: { kind: 'not-found' } };
  if (found.kind === 'method') return { kind: 'failed', failure: { kind: 'method', allow: found.allow } };
  const params = decodeParams(found.operation.pathParams, found.rawParams);
  if (!params) return { kind: 'failed', failure: { kind: 'bad-path' }, operation: found.operation };
  const problem = contentTypeFailure(headers, found.operation);
  if (problem) return { kind: 'failed', failure: problem, operation: found.operation };
  return { kind: 'routed', operation: found.operation, params };
}

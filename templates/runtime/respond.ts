/**
 * Sends an error as the documented response of the matched operation. This is the one place a
 * status is chosen for a failure: exact status, then its range (4XX/5XX), then `default`.
 */
import type { ResponseLike } from './response-like.js';
import type { ErrorResponseContract, OperationContract, ServiceContract } from './contract.js';
import { renderBody } from './render-body.js';
import type { Problem } from './problem.js';
import { coveringStatus } from './status-cover.js';

export function findErrorResponse(op: OperationContract | undefined, status: number): ErrorResponseContract | undefined {
  if (!op) return undefined;
  const key = coveringStatus(
    op.errors.map((e) => e.status),
    status,
  );
  return op.errors.find((e) => e.status === key);
}

/** Documented status keys per operation, built once: this check runs on every handler result. */
const documentedKeys = new WeakMap<OperationContract, string[]>();

export function isDocumentedStatus(op: OperationContract, status: number): boolean {
  let keys = documentedKeys.get(op);
  if (!keys) documentedKeys.set(op, (keys = [...op.successStatuses, ...op.errors.map((e) => e.status)]));
  return coveringStatus(keys, status) !== undefined;
}

export interface ErrorChoice {
  status: number;
  response: Omit<ErrorResponseContract, 'status' | 'headers'> & { headers?: string[] };
}

/**
 * Picks the status and response for a problem. `fallbacks` are tried in order when the exact status
 * is not documented (e.g. a 415 falls back to the operation's 400); undefined means nothing fits.
 */
export function chooseResponse(
  op: OperationContract | undefined,
  status: number,
  fallbacks: readonly number[] = [],
): ErrorChoice | undefined {
  for (const candidate of [status, ...fallbacks]) {
    const response = findErrorResponse(op, candidate);
    if (response)
      return { status: response.status === 'default' || response.status.endsWith('XX') ? candidate : Number(response.status), response };
  }
  return undefined;
}

export function serviceChoice(service: ServiceContract, status: number): ErrorChoice {
  return { status, response: service.serviceError };
}

export function sendError(
  res: ResponseLike,
  choice: ErrorChoice,
  problem: Problem,
  headers: Record<string, string> = {},
  body?: unknown,
  fields?: Record<string, unknown>,
): void {
  const rendered =
    body !== undefined ? body : withFields(renderBody(choice.response.recipe, { ...problem, status: choice.status }), fields);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!choice.response.contentType) {
    res.status(choice.status).end();
    return;
  }
  const isJson = /json/i.test(choice.response.contentType) || choice.response.contentType === '*/*';
  res.status(choice.status);
  if (isJson) {
    const type = choice.response.contentType === '*/*' ? 'application/json' : choice.response.contentType;
    res.setHeader('Content-Type', `${type}; charset=utf-8`);
    // res.send, not res.json: the validator's response hook must not re-validate (and loop on) our own error bodies
    res.send(JSON.stringify(rendered));
  } else {
    res.setHeader('Content-Type', `${choice.response.contentType}; charset=utf-8`);
    res.send(typeof rendered === 'string' ? rendered : JSON.stringify(rendered));
  }
}

/** `fail(status, detail, fields)`: the caller's fields (typed by the schema) over the synthesized object body. */
function withFields(rendered: unknown, fields: Record<string, unknown> | undefined): unknown {
  if (!fields || rendered === null || typeof rendered !== 'object' || Array.isArray(rendered)) return rendered;
  const merged: Record<string, unknown> = { ...(rendered as Record<string, unknown>) };
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && name !== '__proto__') merged[name] = value;
  return merged;
}

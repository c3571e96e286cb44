/**
 * Sends what a handler returned: its status must be documented (else the documented 500), headers
 * are set, a JSON body is checked against the documented schema when responses are validated, and
 * the body is serialized as its content type says (serialize.ts).
 */
import type { Response } from 'express';
import type { OperationContract } from './contract.js';
import { isDocumentedStatus } from './respond.js';
import type { responseChecker } from './validate/response.js';
import type { HandlerResult } from './request-state.js';
import { mediaKind, sendBody } from './serialize.js';

export type { HandlerResult };

/** The response check of the compiled engine; undefined when responses are not validated. */
export type ResponseCheck = ReturnType<typeof responseChecker> | undefined;

export function sendResult(
  res: Response,
  op: OperationContract,
  result: HandlerResult,
  check: ResponseCheck,
  fail: (error: unknown) => void,
): void {
  if (!result || typeof result !== 'object' || !Number.isInteger(result.status) || !isDocumentedStatus(op, result.status)) {
    return fail(new UndocumentedResult(result?.status));
  }
  if (result.headers) for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
  res.status(result.status);
  if (result.body === undefined) {
    res.end();
    return;
  }
  const type = result.contentType ?? 'application/json';
  if (mediaKind(type) === 'json') {
    const invalid = check?.(op, result.status, result.contentType, result.body);
    if (invalid) return failBeforeSending(res, result, fail, invalid);
    if (result.contentType) res.type(type);
    res.json(result.body);
    return;
  }
  const mismatch = sendBody(res, type, result.body);
  if (mismatch) failBeforeSending(res, result, fail, mismatch);
}

/** Nothing of a rejected result (its headers included) goes out with the documented 500. */
function failBeforeSending(res: Response, result: HandlerResult, fail: (error: unknown) => void, error: unknown): void {
  for (const name of Object.keys(result.headers ?? {})) res.removeHeader(name);
  fail(error);
}

/** `validateResponses: 0.25` checks a quarter of the responses; `true` (or 1) every one. */
export function sampledCheck(check: ResponseCheck, setting: boolean | number | undefined): ResponseCheck {
  if (!check || typeof setting !== 'number' || setting >= 1) return check;
  return (...args) => (Math.random() < setting ? check(...args) : undefined);
}

/** A handler answered with a status its operation does not document (only possible by escaping its types, e.g. a cast). */
export class UndocumentedResult extends Error {
  constructor(readonly status: unknown) {
    super(`handler returned undocumented status ${String(status)}`);
    this.name = 'UndocumentedResult';
  }
}

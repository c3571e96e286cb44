/**
 * The single error path: a failure -> a verdict (classify.ts) -> the documented response (respond.ts).
 * A status the operation does not document is a contract violation: logged, reported to onError,
 * and answered with the documented 500. Nothing of an unexpected error reaches the body.
 */
import type { Request } from 'express';
import type { ResponseLike } from './response-like.js';
import type { Logger } from './logger.js';
import type { ServiceContract } from './contract.js';
import type { RouterOptions } from './options.js';
import type { RequestState } from './request-state.js';
import { classify, clientVerdict, unexpected, type Verdict } from './classify.js';
import { chooseResponse, sendError, serviceChoice, type ErrorChoice } from './respond.js';
import { reasonPhrase } from './http-errors.js';
import { fallbackClientError } from './client-error-fallback.js';
import type { Problem } from './problem.js';

export type Failure =
  | { kind: 'not-found' }
  | { kind: 'method'; allow: string[] }
  | { kind: 'bad-path' }
  | { kind: 'unsupported-media-type' }
  | { kind: 'error'; error: unknown }
  | { kind: 'verdict'; verdict: Verdict };

export function handleError(
  contract: ServiceContract,
  options: RouterOptions,
  logger: Logger,
  req: Request,
  res: ResponseLike,
  failure: Failure,
): void {
  const state = res.locals.faultline;
  const op = state?.operation;
  const requestId = state?.requestId ?? '';
  if (res.headersSent) {
    logger.error({ requestId, operation: op?.name }, 'error after the response started; connection closed');
    res.destroy();
    return;
  }
  const error = failure.kind === 'error' ? failure.error : undefined;
  let verdict = verdictFor(failure, options, { operation: op, requestId, req });
  let choice = pick(contract, op, verdict);
  if (!choice) {
    // The handler threw a status this operation does not document: the contract wins.
    logger.error(
      { requestId, operation: op?.name, status: verdict.status, violation: 'undocumented-status' },
      'contract violation: undocumented error status; answering 500',
    );
    report(options, logger, error, { operation: op, requestId, req, status: 500, cause: 'contract-violation' });
    verdict = unexpected();
    choice = pick(contract, op, verdict) ?? serviceChoice(contract, 500);
  }
  if (verdict.status >= 500) {
    if (verdict.origin !== 'thrown') logger.error({ requestId, operation: op?.name, err: error, cause: verdict.origin }, 'request failed');
    report(options, logger, error, { operation: op, requestId, req, status: choice.status, cause: verdict.origin });
  }
  // The full list of issues goes to the debug log; bodies carry at most a short summary.
  if (verdict.issues?.length && logger.isLevelEnabled('debug'))
    logger.debug({ requestId, operation: op?.name, issues: verdict.issues }, 'request failed validation');
  const problem = problemFor(verdict, choice.status, requestId, options, op);
  const headers = { ...(verdict.headers ?? {}) };
  if (failure.kind === 'method') headers['Allow'] = failure.allow.join(', ');
  const same = verdict.status === choice.status;
  sendError(res, choice, problem, headers, same ? verdict.body : undefined, same ? verdict.fields : undefined);
}

function verdictFor(failure: Failure, options: RouterOptions, context: Parameters<typeof classify>[2]): Verdict {
  switch (failure.kind) {
    case 'not-found':
      return clientVerdict('NOT_FOUND');
    case 'method':
      return clientVerdict('METHOD_NOT_ALLOWED');
    case 'bad-path':
      return clientVerdict('BAD_PATH');
    case 'unsupported-media-type':
      return clientVerdict('UNSUPPORTED_MEDIA_TYPE');
    case 'error':
      return classify(failure.error, options, context);
    case 'verdict':
      return failure.verdict;
  }
}

/** Client errors fall back to the op's 400/422, then to the service-level schema; thrown ones must match. */
function pick(contract: ServiceContract, op: RequestState['operation'], verdict: Verdict): ErrorChoice | undefined {
  if (!op) return serviceChoice(contract, verdict.status);
  if (verdict.code === 'NOT_IMPLEMENTED') return chooseResponse(op, verdict.status, [500]) ?? serviceChoice(contract, 500);
  if (verdict.origin === 'thrown') return chooseResponse(op, verdict.status);
  if (verdict.status >= 500) return chooseResponse(op, 500) ?? serviceChoice(contract, 500);
  const fallbacks = verdict.status === 400 ? [422] : [400, 422];
  return (
    chooseResponse(op, verdict.status, fallbacks) ??
    fallbackClientError(op, verdict.issues, verdict.code === 'BAD_PATH') ??
    serviceChoice(contract, verdict.status)
  );
}

function problemFor(verdict: Verdict, status: number, requestId: string, options: RouterOptions, op: RequestState['operation']): Problem {
  const base: Problem = {
    status,
    title: verdict.title ?? reasonPhrase(status),
    detail: verdict.detail || reasonPhrase(status),
    code: verdict.code,
    explicitCode: verdict.explicitCode,
    retryable: Object.keys(verdict.headers ?? {}).some((h) => h.toLowerCase() === 'retry-after') || undefined,
    instance: `urn:request:${requestId}`,
    // The operation's path template, not the request's: a body never echoes what the client sent.
    path: op?.path,
    requestId,
    issues: verdict.issues,
  };
  if (verdict.origin === 'validation' && options.validationProblem && op) {
    return { ...base, ...options.validationProblem(verdict.issues ?? [], { operation: op, requestId }), status };
  }
  return base;
}

function report(
  options: RouterOptions,
  logger: Logger,
  error: unknown,
  context: Parameters<NonNullable<RouterOptions['onError']>>[1],
): void {
  if (!options.onError) return;
  try {
    options.onError(error, context);
  } catch (hookError) {
    logger.error({ err: hookError }, 'onError hook threw; ignored');
  }
}

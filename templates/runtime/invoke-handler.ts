/**
 * The last step of a request on Express: the handler's input (handler-input.ts, shared with Fastify),
 * the call, and the result sent as its operation documents it (send-result.ts). Whatever the handler
 * throws or rejects with, and a result that breaks the contract, goes to `crash` (the error path).
 */
import type { Request, Response } from 'express';
import type { Logger } from './logger.js';
import type { OperationHandler, RequestState } from './request-state.js';
import { handlerInput } from './handler-input.js';
import { sendResult, type HandlerResult, type ResponseCheck } from './send-result.js';

/** What every call on one router shares; made once per router, so a request allocates no closure for it. */
export interface Invoker {
  logger: Logger;
  checkResponse: ResponseCheck;
  /** The error path; receives the thrown value as it is (null, a string, an object). */
  crash: (req: Request, res: Response, error: unknown) => void;
}

type Routed = RequestState & { operation: NonNullable<RequestState['operation']> };

export function invokeHandler(invoker: Invoker, handler: OperationHandler, state: Routed, req: Request, res: Response): void {
  let outcome: HandlerResult | Promise<HandlerResult>;
  try {
    const input = handlerInput(state.operation, {
      params: state.params,
      cookies: state.cookies,
      auth: state.auth,
      query: req.query,
      headers: req.headers,
      body: req.body,
      requestId: state.requestId,
      logger: invoker.logger,
      req,
      res,
    });
    outcome = handler(input);
  } catch (error) {
    return invoker.crash(req, res, error);
  }
  // A synchronous handler's result is sent now: awaiting it would cost a promise and a microtask per request.
  if (!isThenable(outcome)) return send(invoker, state, req, res, outcome);
  Promise.resolve(outcome).then(
    (result) => send(invoker, state, req, res, result),
    (error: unknown) => invoker.crash(req, res, error),
  );
}

function send(invoker: Invoker, state: Routed, req: Request, res: Response, result: HandlerResult): void {
  let problem: unknown;
  try {
    problem = sendResult(res, state.operation, result, invoker.checkResponse);
  } catch (error) {
    return invoker.crash(req, res, error);
  }
  if (problem !== undefined) invoker.crash(req, res, problem);
}

function isThenable(value: unknown): value is PromiseLike<HandlerResult> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * The last step of a request on Express: the handler's input (handler-input.ts, shared with Fastify),
 * the call, and the result sent as its operation documents it (send-result.ts). Whatever the handler
 * throws or rejects with, and a result that breaks the contract, goes to `failed` (the error path).
 */
import type { Request, Response } from 'express';
import type { Logger } from './logger.js';
import type { OperationHandler, RequestState } from './request-state.js';
import { handlerInput } from './handler-input.js';
import { sendResult, type HandlerResult, type ResponseCheck } from './send-result.js';

export interface Invocation {
  handler: OperationHandler;
  state: RequestState & { operation: NonNullable<RequestState['operation']> };
  req: Request;
  res: Response;
  logger: Logger;
  checkResponse: ResponseCheck;
  /** The error path; receives the thrown value as it is (null, a string, an object). */
  failed: (error: unknown) => void;
}

export function invokeHandler(call: Invocation): void {
  const { state, req, res } = call;
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
      logger: call.logger,
      req,
      res,
    });
    outcome = call.handler(input);
  } catch (error) {
    return call.failed(error);
  }
  // A synchronous handler's result is sent now: awaiting it would cost a promise and a microtask per request.
  if (!isThenable(outcome)) return send(call, outcome);
  Promise.resolve(outcome).then(
    (result) => send(call, result),
    (error: unknown) => call.failed(error),
  );
}

function send(call: Invocation, result: HandlerResult): void {
  try {
    sendResult(call.res, call.state.operation, result, call.checkResponse, call.failed);
  } catch (error) {
    call.failed(error);
  }
}

function isThenable(value: unknown): value is PromiseLike<HandlerResult> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

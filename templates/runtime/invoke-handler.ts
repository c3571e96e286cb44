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

export async function invokeHandler(handler: OperationHandler, state: RequestState & Required<Pick<RequestState, 'operation'>>, req: Request, res: Response, logger: Logger, checkResponse: ResponseCheck, failed: (error: unknown) => void): Promise<void> {
  const op = state.operation;
  let result: HandlerResult;
  try {
    const input = handlerInput(op, { params: state.params, cookies: state.cookies, auth: state.auth, query: req.query, headers: req.headers, body: req.body, requestId: state.requestId, logger, req, res });
    result = await handler(input);
  } catch (error) {
    // the thrown value as it is (null, a string, an object): classify.ts decides what the client is told
    return failed(error);
  }
  sendResult(res, op, result, checkResponse, failed);
}

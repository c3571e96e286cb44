/**
 * createServiceRouter: the Express side of a generated service, one middleware. Order of work per
 * request: request id -> route match, 404/405/415 (route-request.ts) -> security (401/403 before the
 * body is read) -> body parsing, for operations that document a body (body-parsers.ts; 413/400/415)
 * -> request validation (engine-choice.ts; 400) -> handler -> response validation -> documented
 * response (invoke-handler.ts). Every failure on the way goes straight to the one error path
 * (handle-error.ts), which answers with the operation's documented error response.
 *
 * One middleware rather than one Express layer per step: each layer costs a `Layer.match` and a
 * `next` closure per request, and an error a walk through Express's error path; together that was
 * the largest cost faultline added over bare Express.
 */
import { OUTSIDE_BASE_PATH, withinBasePath } from './base-path.js';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServiceContract } from './contract.js';
import { createMatcher } from './match.js';
import { createLogger, requestIdFor } from './logger.js';
import { handleError, type Failure } from './handle-error.js';
import { bodyParser } from './body-parsers.js';
import type { RouterOptions } from './options.js';
import { chooseEngine } from './engine-choice.js';
import { invokeHandler, type Invoker } from './invoke-handler.js';
import { authenticate, warnUnregisteredSchemes } from './security/index.js';
import { routeRequest } from './route-request.js';
import type { HandlerTable, OperationHandler, RequestState } from './request-state.js';

export { UndocumentedResult, type HandlerResult } from './send-result.js';
export type { OperationHandler, HandlerTable, RequestState } from './request-state.js';

type Routed = RequestState & { operation: NonNullable<RequestState['operation']> };

export function createServiceRouter<H extends HandlerTable<H>>(
  contract: ServiceContract,
  apiSpec: object,
  handlers: H,
  options: RouterOptions = {},
): RequestHandler {
  const logger = options.logger ?? createLogger();
  const match = createMatcher(contract.operations);
  const basePath = options.basePath ?? contract.basePath ?? '';
  const table: Readonly<Record<string, OperationHandler | undefined>> = handlers;
  const verifiers = options.security ?? {};
  warnUnregisteredSchemes(contract, verifiers, logger);
  const parse = bodyParser(options.bodyLimit ?? '1mb', options.uploadLimits);
  const engine = chooseEngine(apiSpec, contract.operations, options, logger);
  const failure = (req: Request, res: Response, f: Failure) => handleError(contract, options, logger, req, res, f);
  const crash = (req: Request, res: Response, error: unknown) => failure(req, res, { kind: 'error', error });
  const invoker: Invoker = { logger, checkResponse: engine.checkResponse, crash };

  function authenticated(req: Request, res: Response, state: Routed): void {
    if (state.operation.body === undefined) return validated(req, res, state);
    parse(req, res, (error?: unknown) =>
      error === undefined || error === null ? guarded(validated, req, res, state) : crash(req, res, error),
    );
  }

  function validated(req: Request, res: Response, state: Routed): void {
    let settled = false;
    engine.validateRequest(req, res, (error?: unknown) => {
      // express-openapi-validator may call back again later, with a response validation error
      if (error !== undefined && error !== null) return crash(req, res, error);
      if (settled) return;
      settled = true;
      // inherited methods count (a class instance, a Proxy): operation names never collide with Object.prototype's (model/names.ts)
      const handler = table[state.operation.name];
      if (typeof handler !== 'function') return crash(req, res, new Error(`no handler registered for operation ${state.operation.name}`));
      invokeHandler(invoker, handler, state, req, res);
    });
  }

  /** A step that throws synchronously still ends in the documented 500, never in Express's default handler. */
  function guarded(step: (req: Request, res: Response, state: Routed) => void, req: Request, res: Response, state: Routed): void {
    try {
      step(req, res, state);
    } catch (error) {
      crash(req, res, error);
    }
  }

  // `next` is never called: every request is answered here, documented 404 and 405 included.
  return function faultline(req: Request, res: Response, _next: NextFunction): void {
    const requestId = requestIdFor(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    try {
      const path = servedPath(req, basePath);
      const routed = path === undefined ? OUTSIDE_BASE_PATH : routeRequest(match, req.method, path, req.headers);
      if (routed.kind === 'failed') {
        res.locals['faultline'] = { requestId, params: {}, operation: routed.operation } satisfies RequestState;
        return failure(req, res, routed.failure);
      }
      const ready: Routed = { requestId, params: routed.params, operation: routed.operation };
      res.locals['faultline'] = ready;
      if (!ready.operation.security) return authenticated(req, res, ready);
      authenticate({ contract, verifiers }, ready.operation, req, requestId).then(
        (outcome) => {
          if (outcome.state === 'ok') {
            ready.auth = outcome.auth;
            return guarded(authenticated, req, res, ready);
          }
          if (outcome.state === 'crashed') return crash(req, res, outcome.error);
          failure(req, res, { kind: 'verdict', verdict: outcome.verdict });
        },
        (error: unknown) => crash(req, res, error),
      );
    } catch (error) {
      // the error path reads the request id (and operation, when known) from the state
      res.locals['faultline'] ??= { requestId, params: {} } satisfies RequestState;
      crash(req, res, error);
    }
  };
}

/**
 * The path to match: inside the base path, taken off as Express's own mounting would (`req.url` and
 * `req.baseUrl`, so every later step sees a mounted router); outside it, a path no operation has. A
 * router the app already mounted under a prefix is served where it is mounted.
 */
function servedPath(req: Request, basePath: string): string | undefined {
  if (!basePath || req.baseUrl) return req.path;
  const inside = withinBasePath(req.path, basePath);
  if (inside === undefined) return undefined;
  req.baseUrl = basePath;
  req.url = req.url.slice(basePath.length) || '/';
  if (req.url.startsWith('?')) req.url = `/${req.url}`;
  return inside;
}

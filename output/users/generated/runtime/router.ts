/**
 * createServiceRouter: the Express router of a generated service. Order of work per request:
 * request id -> route match (404/405 answered here) -> content type and body parsing (415/413/400)
 * -> request validation (400; the compiled engine in validate/, or express-openapi-validator) -> handler
 * -> response validation -> documented response. Every failure on the way goes to one error handler
 * that answers with the operation's documented error response.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { OperationContract, ServiceContract } from './contract.js';
import { createMatcher, decodeParams } from './match.js';
import { createLogger, requestIdFor, type Logger } from './logger.js';
import { handleError, type Failure } from './handle-error.js';
import { bodyParser, contentTypeProblem } from './body-parsers.js';
import { sampledCheck, sendResult, type HandlerResult, type ResponseCheck } from './send-result.js';
import type { RouterOptions } from './options.js';
import { compiledValidation } from './validate/index.js';
import { typedParams } from './handler-input.js';
import { lazyValidator } from './lazy-validator.js';
import { fail } from './fail.js';
import { securityStep } from './security/index.js';

export { UndocumentedResult, type HandlerResult } from './send-result.js';

export type AnyHandler = (input: any) => HandlerResult | Promise<HandlerResult>;

export interface RequestState {
  operation?: OperationContract;
  requestId: string;
  /** Path parameters: decoded strings, then (after validation) the values the handler receives. */
  params: Record<string, unknown>;
  /** Cookie parameters as validated (compiled engine; only when the operation declares any). */
  cookies?: Record<string, unknown>;
  /** Set by the security step for secured operations. */
  auth?: unknown;
}

export function createServiceRouter(contract: ServiceContract, apiSpec: object, handlers: Record<string, AnyHandler>, options: RouterOptions = {}): Router {
  const router = express.Router();
  const logger = options.logger ?? createLogger();
  const match = createMatcher(contract.operations);
  const failure = (req: Request, res: Response, f: Failure) => handleError(contract, options, logger, req, res, f);

  router.use((req, res, next) => {
    const requestId = requestIdFor(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const state: RequestState = { requestId, params: {} };
    res.locals.faultline = state;
    const found = match(req.method, req.path);
    if (found.kind === 'none') return failure(req, res, { kind: 'not-found' });
    if (found.kind === 'method') return failure(req, res, { kind: 'method', allow: found.allow });
    state.operation = found.operation;
    const params = decodeParams(found.operation.pathParams, found.rawParams);
    if (!params) return failure(req, res, { kind: 'bad-path' });
    state.params = params;
    const problem = contentTypeProblem(req, found.operation);
    if (problem) return failure(req, res, problem);
    next();
  });
  // security: after route match, before the body is read or validated (401/403 never become 400)
  router.use(securityStep({ contract, verifiers: options.security ?? {}, logger, refuse: (req, res, verdict) => failure(req, res, { kind: 'verdict', verdict }), crash: (req, res, error) => failure(req, res, { kind: 'error', error }) }));
  router.use(bodyParser(options.bodyLimit ?? '1mb', options.uploadLimits));
  const validate = (options.validateResponses ?? true) !== false && options.validateResponses !== 0;
  let checkResponse: ResponseCheck;
  if ((options.engine ?? 'compiled') === 'compiled') {
    const compiled = compiledValidation(apiSpec, contract.operations, validate, logger);
    router.use(compiled.validateRequest);
    checkResponse = sampledCheck(compiled.checkResponse, options.validateResponses);
  } else {
    router.use(
      lazyValidator({
        apiSpec: apiSpec as never,
        validateRequests: { allowUnknownQueryParameters: false, allErrors: true },
        validateResponses: validate ? { removeAdditional: false } : false,
        validateSecurity: false,
        validateApiSpec: false,
        ...(options.validator ?? {}),
      }),
    );
  }
  router.use(async (req, res, next) => {
    const state = res.locals.faultline as RequestState;
    const op = state.operation!;
    const handler = handlers[op.name];
    try {
      let log: Logger | undefined;
      const input = {
        params: typedParams(state.params, op), query: req.query, cookies: state.cookies ?? {}, headers: req.headers, body: req.body, req, res, requestId: state.requestId, fail, auth: state.auth,
        // a child logger per request costs more than most handlers; make it only when a handler logs
        get log() {
          return (log ??= logger.child({ requestId: state.requestId }));
        },
      };
      const result = await handler(input);
      sendResult(res, op, result, checkResponse, (error) => next(error));
    } catch (error) {
      // Express treats next(null), next(undefined) and next('router') as "no error"; never let a thrown value steer routing.
      next(new Thrown(error));
    }
  });
  // Nothing should fall through; if something does (a validator quirk), it is still a documented 404.
  router.use((req, res) => failure(req, res, { kind: 'not-found' }));
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => failure(req, res, { kind: 'error', error: error instanceof Thrown ? error.value : error }));
  return router;
}

/** Carries whatever a handler threw (null, a string, an object) through Express's error path. */
class Thrown {
  constructor(readonly value: unknown) {}
}

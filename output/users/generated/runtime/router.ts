/**
 * createServiceRouter: the Express router of a generated service. Order of work per request:
 * request id -> route match (404/405 answered here) -> content type and body parsing (415/413/400)
 * -> request validation (400; the compiled engine in validate/, or express-openapi-validator) -> handler
 * -> response validation -> documented response. Every failure on the way goes to one error handler
 * that answers with the operation's documented error response.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { createRequire } from 'node:module';
import type { OperationContract, ServiceContract } from './contract.js';
import { createMatcher, decodeParams } from './match.js';
import { createLogger, requestIdFor, type Logger } from './logger.js';
import { handleError, type Failure } from './handle-error.js';
import { isDocumentedStatus } from './respond.js';
import type { RouterOptions } from './options.js';
import { compiledValidation, type CompiledValidation } from './validate/index.js';
import { securityStep } from './security/index.js';

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

export type AnyHandler = (input: any) => HandlerResult | Promise<HandlerResult>;

export interface RequestState {
  operation?: OperationContract;
  requestId: string;
  params: Record<string, string>;
  /** Set by the security step for secured operations. */
  auth?: unknown;
}

type ResponseCheck = CompiledValidation['checkResponse'];

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
  router.use(bodyParser(options.bodyLimit ?? '1mb'));
  const validate = options.validateResponses ?? process.env.NODE_ENV !== 'production';
  let checkResponse: ResponseCheck;
  if ((options.engine ?? 'compiled') === 'compiled') {
    const compiled = compiledValidation(apiSpec, contract.operations, validate, logger);
    router.use(compiled.validateRequest);
    checkResponse = compiled.checkResponse;
  } else {
    router.use(
      loadValidator().middleware({
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
        params: typedParams(state.params, op), query: req.query, headers: req.headers, body: req.body, req, res, requestId: state.requestId, auth: state.auth,
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

/** The validator has checked that e.g. thing_id is an integer; hand the handler a number. */
function typedParams(params: Record<string, string>, op: OperationContract): Record<string, unknown> {
  if (!op.paramTypes) return params;
  const typed: Record<string, unknown> = { ...params };
  for (const [name, type] of Object.entries(op.paramTypes)) {
    if (typed[name] === undefined) continue;
    typed[name] = type === 'boolean' ? params[name] === 'true' : Number(params[name]);
  }
  return typed;
}

function sendResult(res: Response, op: OperationContract, result: HandlerResult, check: ResponseCheck, fail: (error: unknown) => void): void {
  if (!result || typeof result !== 'object' || !Number.isInteger(result.status) || !isDocumentedStatus(op, result.status)) {
    return fail(new UndocumentedResult(result?.status));
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.status(result.status);
  if (result.body === undefined) {
    res.end();
    return;
  }
  const type = result.contentType ?? 'application/json';
  if (/json/i.test(type)) {
    const invalid = check?.(op, result.status, result.contentType, result.body);
    if (invalid) {
      for (const name of Object.keys(result.headers ?? {})) res.removeHeader(name);
      return fail(invalid);
    }
    if (result.contentType) res.type(type);
    res.json(result.body);
  } else {
    res.type(type).send(result.body);
  }
}

/**
 * express-openapi-validator is loaded only when its engine is chosen: the default compiled engine does
 * not need it, and loading it costs start-up time and memory in every service.
 */
function loadValidator(): typeof import('express-openapi-validator') {
  return createRequire(import.meta.url)('express-openapi-validator');
}

/** Carries whatever a handler threw (null, a string, an object) through Express's error path. */
class Thrown {
  constructor(readonly value: unknown) {}
}

/** A handler answered with a status its operation does not document (only possible through `any`). */
export class UndocumentedResult extends Error {
  constructor(readonly status: unknown) {
    super(`handler returned undocumented status ${String(status)}`);
    this.name = 'UndocumentedResult';
  }
}

/** One layer instead of three: requests without a body skip parsing, others go to the parser for their type. */
function bodyParser(limit: string | number) {
  const json = express.json({ limit, type: isJsonRequest, strict: false });
  const form = express.urlencoded({ limit, extended: false });
  const text = express.text({ limit, type: 'text/*' });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
    if (isJsonRequest(req)) return json(req, res, next);
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) return form(req, res, next);
    if (type.startsWith('text/')) return text(req, res, next);
    next();
  };
}

function isJsonRequest(req: { headers: Record<string, unknown> }): boolean {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/.test(type);
}

/** 415 before parsing: a body whose media type the operation does not document is never parsed. */
function contentTypeProblem(req: Request, op: OperationContract): Failure | undefined {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return undefined;
  if (!op.body) return undefined;
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const accepted = op.body.contentTypes.some((documented) => mediaTypeMatches(documented.toLowerCase(), type));
  return accepted ? undefined : { kind: 'unsupported-media-type' };
}

function mediaTypeMatches(documented: string, actual: string): boolean {
  const base = documented.split(';')[0].trim();
  if (base === '*/*' || base === actual) return true;
  if (base.endsWith('/*')) return actual.startsWith(base.slice(0, -1));
  return false;
}

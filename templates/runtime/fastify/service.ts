/**
 * createFastifyService: the Fastify target of a generated service. The same contract, validators,
 * handler input and error path as the Express router (router.ts), in the same order: request id ->
 * route match (404/405) -> 415 before parsing -> body parsing (400/413/415) -> request validation
 * (400) -> handler -> response validation -> documented response. Fastify does the HTTP work
 * (parsing, serialization without Express's per-request layers, no ETag); faultline's own matcher
 * chooses the operation, so 404, 405 + Allow and path decoding behave exactly as on Express.
 */
import { OUTSIDE_BASE_PATH, withinBasePath } from '../base-path.js';
import { parse as parseQueryString } from 'node:querystring';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServiceContract } from '../contract.js';
import { createMatcher } from '../match.js';
import { routeRequest } from '../route-request.js';
import { createLogger, requestIdFor } from '../logger.js';
import { handleError, type Failure } from '../handle-error.js';
import type { RouterOptions } from '../options.js';
import type { HandlerTable, OperationHandler, RequestState } from '../request-state.js';
import { compiledValidation } from '../validate/index.js';
import { handlerInput, resultProblem, type HandlerResult } from '../handler-input.js';
import { sampledCheck } from '../send-result.js';
import { validatesResponses } from '../engine-choice.js';
import { mediaKind } from '../serialize.js';
import { sendFastifyBody } from './serialize.js';
import { authenticate, warnUnregisteredSchemes } from '../security/index.js';
import { replyAdapter, type ResponseLike } from './reply-adapter.js';
import { registerBodyParsers, asBodyParserError, nodeClientError } from './body.js';

export interface FastifyServiceOptions extends Omit<RouterOptions, 'engine' | 'validator'> {
  /** Options passed to Fastify itself (merged over faultline's). */
  fastify?: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyRequest {
    faultline: RequestState | null;
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];

/**
 * The eight fixed methods, plus every other method an operation uses (OpenAPI 3.2 `query` and
 * `additionalOperations`: QUERY, COPY...). Fastify routes only the methods it knows: one it does not
 * is added (with a body, as the operation may document one), else the request fell to the not-found
 * handler and was answered as an unknown path.
 */
function routedMethods(app: FastifyInstance, contract: ServiceContract): string[] {
  const methods = new Set(METHODS);
  for (const op of contract.operations) methods.add(op.method);
  for (const method of methods) if (!app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
  return [...methods];
}

export function createFastifyService<H extends HandlerTable<H>>(
  contract: ServiceContract,
  apiSpec: object,
  handlers: H,
  options: FastifyServiceOptions = {},
): FastifyInstance {
  const logger = options.logger ?? createLogger();
  const routerOptions = options as RouterOptions;
  const match = createMatcher(contract.operations);
  const basePath = routerOptions.basePath ?? contract.basePath ?? '';
  // as on Express: responses are validated in production too, unless switched off or sampled
  const validation = compiledValidation(apiSpec, contract.operations, validatesResponses(options), logger);
  const checkResponse = sampledCheck(validation.checkResponse, options.validateResponses);
  const verifiers = options.security ?? {};
  warnUnregisteredSchemes(contract, verifiers, logger);
  const table: Readonly<Record<string, OperationHandler | undefined>> = handlers;
  const bodyLimit = typeof options.bodyLimit === 'number' ? options.bodyLimit : parseLimit(options.bodyLimit ?? '1mb');
  const app = Fastify({
    bodyLimit,
    logger: false,
    exposeHeadRoutes: false,
    return503OnClosing: false,
    clientErrorHandler: nodeClientError,
    routerOptions: {
      querystringParser: (text: string) => parseQueryString(text),
      maxParamLength: 65_535,
      ignoreTrailingSlash: false,
      ignoreDuplicateSlashes: false,
    },
    // A path Fastify cannot decode still gets faultline's own answer (404, or 400 for a bad parameter).
    frameworkErrors: (_error, request, reply) => void start(request, reply, true),
    ...(options.fastify ?? {}),
  });
  registerBodyParsers(app, options.bodyLimit ?? '1mb', options.uploadLimits);
  app.decorateRequest('faultline', null);

  const fail = (request: FastifyRequest, res: ResponseLike, failure: Failure) =>
    // ErrorContext.req is the target's native request (native.ts); this repository type-checks the
    // runtime with Express's native.ts, while a Fastify service's copy says FastifyRequest
    handleError(contract, routerOptions, logger, request as never, res, failure);

  /** Request id, operation, 404/405, path parameters and the 415: everything decided before the body is read. */
  function start(request: FastifyRequest, reply: FastifyReply, done: boolean | (() => void)): void {
    const requestId = requestIdFor(request.headers['x-request-id']);
    reply.header('X-Request-Id', requestId);
    const state: RequestState = { requestId, params: {} };
    request.faultline = state;
    const res = replyAdapter(reply, state);
    const url = request.raw.url ?? '/';
    const q = url.indexOf('?');
    const path = withinBasePath(q < 0 ? url : url.slice(0, q), basePath);
    const routed = path === undefined ? OUTSIDE_BASE_PATH : routeRequest(match, request.raw.method ?? 'GET', path, request.headers);
    state.operation = routed.operation;
    if (routed.kind === 'failed') return fail(request, res, routed.failure);
    state.params = routed.params;
    if (done === true) return fail(request, res, { kind: 'not-found' });
    if (!routed.operation.security) return typeof done === 'function' ? done() : undefined;
    // security: after route match, before the body is read or validated (401/403 never become 400)
    // verifiers get the FastifyRequest itself as context.req (a Fastify service's native.ts types it so);
    // this repository type-checks the runtime with Express's native.ts, hence the cast
    authenticate({ contract, verifiers }, routed.operation, request as never, requestId).then(
      (outcome) => {
        if (outcome.state === 'ok') {
          state.auth = outcome.auth;
          return typeof done === 'function' ? done() : undefined;
        }
        if (outcome.state === 'crashed') return fail(request, res, { kind: 'error', error: outcome.error });
        fail(request, res, { kind: 'verdict', verdict: outcome.verdict });
      },
      (error) => fail(request, res, { kind: 'error', error }),
    );
  }

  app.addHook('onRequest', (request, reply, done) => start(request, reply, done));

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    const state = request.faultline!;
    const op = state.operation!;
    const res = replyAdapter(reply, state);
    // The validator reads an Express-shaped request; these are the fields it uses.
    const url = request.raw.url ?? '/';
    const q = url.indexOf('?');
    const req = {
      headers: request.headers,
      body: request.body,
      originalUrl: url,
      path: q < 0 ? url : url.slice(0, q),
      query: request.query,
    };
    let failure: unknown;
    validation.validateRequest(req, res, (error?: unknown) => (failure = error));
    if (failure) return fail(request, res, { kind: 'error', error: failure });
    let result: HandlerResult;
    try {
      const input = handlerInput(op, {
        params: state.params,
        cookies: state.cookies,
        auth: state.auth,
        query: req.query,
        headers: request.headers,
        body: request.body,
        requestId: state.requestId,
        logger,
        req: request,
        res: reply,
      });
      // inherited methods count (a class instance, a Proxy): operation names never collide with Object.prototype's (model/names.ts)
      const handler = table[op.name];
      if (typeof handler !== 'function') throw new Error(`no handler registered for operation ${op.name}`);
      result = await handler(input);
    } catch (error) {
      return fail(request, res, { kind: 'error', error });
    }
    const undocumented = resultProblem(op, result);
    if (undocumented) return fail(request, res, { kind: 'error', error: undocumented });
    for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
    reply.code(result.status);
    if (result.body === undefined) return void reply.send();
    const type = result.contentType ?? 'application/json';
    if (mediaKind(type) === 'json') {
      const invalid = checkResponse?.(op, result.status, result.contentType, result.body);
      if (invalid) {
        for (const name of Object.keys(result.headers ?? {})) reply.removeHeader(name);
        return fail(request, res, { kind: 'error', error: invalid });
      }
      return void reply.header('Content-Type', `${type}; charset=utf-8`).send(JSON.stringify(result.body));
    }
    // text, XML, Buffer, stream, event-stream: the same rules as the Express target (serialize.ts)
    const mismatch = sendFastifyBody(reply, type, result.body);
    if (mismatch) {
      for (const name of Object.keys(result.headers ?? {})) reply.removeHeader(name);
      return fail(request, res, { kind: 'error', error: mismatch });
    }
    // an async handler that sent a stream must return the reply, or Fastify ends the response empty
    // (server-sent events and JSON Lines arrived with no body)
    return reply;
  }

  app.route({ method: routedMethods(app, contract), url: '*', handler: handle });
  // Methods Fastify routes nowhere (e.g. PROPFIND) still get faultline's 404 or 405 + Allow.
  app.setNotFoundHandler((request, reply) => start(request, reply, true));
  app.setErrorHandler((error, request, reply) => {
    const state = request.faultline ?? { requestId: requestIdFor(undefined), params: {} };
    const res = replyAdapter(reply, state);
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return fail(request, res, { kind: 'unsupported-media-type' });
    fail(request, res, { kind: 'error', error: asBodyParserError(error) });
  });
  return app;
}

/** '1mb', '100kb', '512b' or a number of bytes, as body-parser reads limits. */
function parseLimit(limit: string | number): number {
  if (typeof limit === 'number') return limit;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (!m) return 1024 * 1024;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

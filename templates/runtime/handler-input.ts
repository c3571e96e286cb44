/**
 * The framework-independent half of calling a handler, shared by every target: the typed input a
 * handler receives (the same fields on Express and Fastify; `req`/`res` are the escape hatch to the
 * target's native request and reply) and the check that a handler's result is one its operation
 * documents. Nothing here imports a web framework.
 */
import type { OperationContract } from './contract.js';
import type { Logger } from './logger.js';
import { isDocumentedStatus } from './respond.js';
import { parseNumber } from './validate/numbers.js';
import { fail } from './fail.js';
import { UndocumentedResult } from './send-result.js';

export { UndocumentedResult };

import type { HandlerResult } from './request-state.js';

export type { HandlerResult };

/** Where the input keeps its logger (symbols: not among the fields a handler sees by name or in Object.keys). */
const LOGGER = Symbol('faultline.logger');
const LOG = Symbol('faultline.log');

export interface InputParts<Req, Res> {
  params: Record<string, unknown>;
  cookies?: Record<string, unknown> | undefined;
  auth?: unknown;
  query: unknown;
  headers: unknown;
  body: unknown;
  requestId: string;
  logger: Logger;
  req: Req;
  res: Res;
}

/**
 * The handler's input. A class, not an object literal: a literal with a `get log()` accessor takes
 * V8's slow path (a runtime call and a new closure per request); here `log` is one getter on the
 * prototype, and a child logger per request, which costs more than most handlers, is made only when used.
 */
class HandlerInput<Req, Res> {
  readonly params: Record<string, unknown>;
  readonly query: unknown;
  readonly cookies: Record<string, unknown>;
  readonly headers: unknown;
  readonly body: unknown;
  readonly req: Req;
  readonly res: Res;
  readonly requestId: string;
  readonly fail = fail;
  readonly auth: unknown;
  private readonly [LOGGER]: Logger;
  private [LOG]: Logger | undefined;

  constructor(op: OperationContract, parts: InputParts<Req, Res>) {
    this.params = typedParams(parts.params, op);
    this.query = parts.query;
    this.cookies = parts.cookies ?? {};
    this.headers = parts.headers;
    this.body = parts.body;
    this.req = parts.req;
    this.res = parts.res;
    this.requestId = parts.requestId;
    this.auth = parts.auth;
    this[LOGGER] = parts.logger;
    this[LOG] = undefined;
  }

  get log(): Logger {
    return (this[LOG] ??= this[LOGGER].child({ requestId: this.requestId }));
  }
}

export function handlerInput<Req, Res>(op: OperationContract, parts: InputParts<Req, Res>): HandlerInput<Req, Res> {
  return new HandlerInput(op, parts);
}

/** The validator has checked that e.g. thing_id is an integer; hand the handler a number (already one after the compiled engine). */
export function typedParams(params: Record<string, unknown>, op: OperationContract): Record<string, unknown> {
  if (!op.paramTypes) return params;
  const typed: Record<string, unknown> = { ...params };
  for (const [name, type] of Object.entries(op.paramTypes)) {
    const value = typed[name];
    if (typeof value !== 'string') continue;
    if (type === 'boolean') typed[name] = value === 'true';
    else {
      const parsed = parseNumber(value, type);
      typed[name] = 'value' in parsed ? parsed.value : Number(value);
    }
  }
  return typed;
}

/** undefined when the result is a documented status; else the error the error path turns into a 500. */
export function resultProblem(op: OperationContract, result: HandlerResult | undefined): UndocumentedResult | undefined {
  if (!result || typeof result !== 'object' || !Number.isInteger(result.status) || !isDocumentedStatus(op, result.status))
    return new UndocumentedResult(result?.status);
  return undefined;
}

/** Carries whatever a handler threw (null, a string, an object) to the error path unchanged. */
export class Thrown {
  constructor(readonly value: unknown) {}
}

/** Whether a result of this content type is sent as JSON (and checked against the response schema). */
export function isJsonResult(contentType: string): boolean {
  return /json/i.test(contentType);
}

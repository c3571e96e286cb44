/**
 * What the runtime keeps per request and how it sees handlers: the types every step (matching, body
 * parsing, validation, the handler call, the error path) and both targets share. Types only, so any
 * module can import them without an import circle.
 */
import type { OperationContract } from './contract.js';
import type { Logger } from './logger.js';
import type { FailOptions } from './fail.js';

/** What a handler returns: a documented status, and the body, headers and content type to send. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

export interface RequestState {
  operation?: OperationContract | undefined;
  requestId: string;
  /** Path parameters: decoded strings, then (after validation) the values the handler receives. */
  params: Record<string, unknown>;
  /** Cookie parameters as validated (compiled engine; only when the operation declares any). */
  cookies?: Record<string, unknown> | undefined;
  /** Set by the security step for secured operations. */
  auth?: unknown;
}

/**
 * The input as the runtime builds it (handler-input.ts), before any operation's types are applied.
 * Each generated `<Operation>Input` (handlers.gen.ts) is a narrowing of it: the same fields with the
 * operation's own parameter, body and `fail` types.
 */
export interface RuntimeInput {
  params: Record<string, unknown>;
  query: unknown;
  cookies: Record<string, unknown>;
  headers: unknown;
  body: unknown;
  req: unknown;
  res: unknown;
  requestId: string;
  fail: FailSlot['fail'];
  auth: unknown;
  readonly log: Logger;
}

/**
 * The one `fail` implementation (fail.ts) takes any status; each operation's typed `fail` accepts only
 * the statuses it documents. A method type, so that narrowing is allowed here (see HandlerSlot).
 */
interface FailSlot {
  fail(status: number, detail?: string, fields?: object, options?: FailOptions): never;
}

/**
 * A handler as the runtime calls it. Declared as a method so that its parameter is compared both
 * ways (TypeScript's method bivariance): a generated handler takes its operation's narrower input,
 * and what makes that narrowing true is a run-time fact TypeScript cannot see, namely that the
 * request was validated against that operation's schema before the call. A method type states this
 * once, here, instead of an `any` parameter or a cast at every call site.
 */
interface HandlerSlot {
  handle(input: RuntimeInput): HandlerResult | Promise<HandlerResult>;
}
export type OperationHandler = HandlerSlot['handle'];

/** The handlers object of a service (the generated `Handlers` interface fits it), keyed by operation name. */
export type HandlerTable<H> = { readonly [K in keyof H]: OperationHandler };

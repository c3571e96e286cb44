/**
 * classify: any thrown value -> what the client is told. Pure: no response, no logging. The order
 * matters: your own mappers first, then faultline's HttpError, body-parser and validator errors,
 * database errors, and finally "unexpected", which is always a 500 with nothing of the error in it.
 */
import { HttpError, codeForStatus } from './http-errors.js';
import { issuesFromValidator, type ValidatorItem } from './issues.js';
import { mapDatabaseError } from './db-errors.js';
import { DATABASE_DETAILS, verdictText, type VerdictCode } from './verdicts.js';
import type { Issue } from './problem.js';
import type { ErrorContext, RouterOptions } from './options.js';

export interface Verdict {
  status: number;
  code: string;
  detail: string;
  /** 'client' errors may fall back to the op's 400; 'thrown' must be documented exactly or become a 500. */
  origin: 'client' | 'thrown' | 'validation' | 'unexpected' | 'violation';
  issues?: Issue[] | undefined;
  headers?: Record<string, string> | undefined;
  title?: string | undefined;
  body?: unknown;
  /** The code the thrown error or a mapper set itself, as opposed to one derived from the status. */
  explicitCode?: string | undefined;
  /** Fields set over the synthesized body (from `input.fail`). */
  fields?: Record<string, unknown> | undefined;
}

/** body-parser's error `type` -> our code (status and detail in verdicts.ts). */
const BODY_PARSER: Record<string, VerdictCode> = {
  'entity.parse.failed': 'MALFORMED_BODY',
  'entity.too.large': 'BODY_TOO_LARGE',
  'charset.unsupported': 'UNSUPPORTED_CHARSET',
  'encoding.unsupported': 'UNSUPPORTED_ENCODING',
  'request.aborted': 'REQUEST_ABORTED',
  'request.size.invalid': 'BAD_CONTENT_LENGTH',
  'parameters.too.many': 'TOO_MANY_PARAMETERS',
};

/** A client verdict straight from the table. */
export function clientVerdict(code: VerdictCode): Verdict {
  return { ...verdictText(code), origin: 'client' };
}

export function classify(error: unknown, options: RouterOptions, context: Omit<ErrorContext, 'status' | 'cause'>): Verdict {
  const mapped = applyMappers(error, options, context);
  if (mapped) return mapped;
  if (error instanceof HttpError) {
    return {
      status: error.status,
      code: error.code ?? codeForStatus(error.status),
      explicitCode: error.code,
      detail: error.detail ?? '',
      origin: 'thrown',
      headers: error.headers,
      title: error.title,
      body: error.body,
      fields: error.fields,
    };
  }
  const e = (error ?? {}) as { type?: unknown; status?: unknown; errors?: unknown; path?: unknown; message?: unknown };
  const parserCode = typeof e.type === 'string' && Object.hasOwn(BODY_PARSER, e.type) ? BODY_PARSER[e.type] : undefined;
  if (parserCode) return clientVerdict(parserCode);
  if (isDecodingError(e)) return clientVerdict('UNDECODABLE_BODY');
  if (isValidatorError(e)) return fromValidator(e as { status: number; errors: unknown[] });
  if (options.mapDatabaseErrors !== false) {
    const db = mapDatabaseError(error);
    if (db) {
      const headers: Record<string, string> = db.retryAfter ? { 'Retry-After': String(db.retryAfter) } : {};
      return { status: db.status, code: db.code, detail: DATABASE_DETAILS[db.status], origin: 'thrown', headers };
    }
  }
  return unexpected();
}

export function unexpected(code: 'INTERNAL_ERROR' | 'RESPONSE_INVALID' = 'INTERNAL_ERROR'): Verdict {
  return { ...verdictText(code), origin: 'unexpected' };
}

/**
 * body-parser passes zlib/brotli failures on as they are, marked 400 and exposable: a gzip header
 * over a plain body must be the client's 400, not an unexpected 500.
 */
function isDecodingError(e: { status?: unknown; errors?: unknown; expose?: unknown; errno?: unknown }): boolean {
  return e.status === 400 && e.expose === true && typeof e.errno === 'number' && e.errors === undefined;
}

/** express-openapi-validator errors carry a numeric status and an `errors` array. */
function isValidatorError(e: { status?: unknown; errors?: unknown }): boolean {
  return typeof e.status === 'number' && Array.isArray(e.errors);
}

/** Statuses a validator (ours or express-openapi-validator) answers with something other than 400. */
const VALIDATOR_STATUS: Record<number, VerdictCode> = {
  415: 'UNSUPPORTED_MEDIA_TYPE',
  413: 'BODY_TOO_LARGE',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
};

function fromValidator(e: { status: number; errors: unknown[] }): Verdict {
  const issues = issuesFromValidator(e.errors.map(validatorItem));
  if (e.status >= 500) return { ...unexpected('RESPONSE_INVALID'), origin: 'violation', issues: undefined };
  const code = VALIDATOR_STATUS[e.status];
  if (code) return clientVerdict(code);
  return { ...verdictText('VALIDATION_FAILED'), origin: 'validation', issues };
}

/** An item of a validator's `errors` (ours or express-openapi-validator's), reading only string fields. */
function validatorItem(value: unknown): ValidatorItem {
  const item = (value ?? {}) as { path?: unknown; message?: unknown; errorCode?: unknown };
  return { path: textOrUndefined(item.path), message: textOrUndefined(item.message), errorCode: textOrUndefined(item.errorCode) };
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Flask-style: walk the prototype chain from the most derived class; the first registered mapper wins. */
function applyMappers(error: unknown, options: RouterOptions, context: Omit<ErrorContext, 'status' | 'cause'>): Verdict | undefined {
  if (!options.errorMappers?.length || error === null || typeof error !== 'object') return undefined;
  for (let proto = Object.getPrototypeOf(error); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const entry = options.errorMappers.find(([ctor]) => ctor.prototype === proto);
    if (!entry) continue;
    const result = entry[1](error, { ...context, status: 0, cause: 'mapper' });
    if (!result) return undefined;
    if (result instanceof HttpError) return classify(result, { ...options, errorMappers: [] }, context);
    return {
      status: result.status,
      code: result.code ?? codeForStatus(result.status),
      explicitCode: result.code,
      detail: result.detail ?? '',
      origin: 'thrown',
      headers: result.headers,
    };
  }
  return undefined;
}

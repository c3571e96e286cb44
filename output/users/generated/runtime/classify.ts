/**
 * classify: any thrown value -> what the client is told. Pure: no response, no logging. The order
 * matters: your own mappers first, then faultline's HttpError, body-parser and validator errors,
 * database errors, and finally "unexpected", which is always a 500 with nothing of the error in it.
 */
import { HttpError, codeForStatus } from './http-errors.js';
import { issuesFromValidator } from './issues.js';
import { mapDatabaseError } from './db-errors.js';
import type { Issue } from './problem.js';
import type { ErrorContext, RouterOptions } from './options.js';

export interface Verdict {
  status: number;
  code: string;
  detail: string;
  /** 'client' errors may fall back to the op's 400; 'thrown' must be documented exactly or become a 500. */
  origin: 'client' | 'thrown' | 'validation' | 'unexpected' | 'violation';
  issues?: Issue[];
  headers?: Record<string, string>;
  title?: string;
  body?: unknown;
  /** The code the thrown error or a mapper set itself, as opposed to one derived from the status. */
  explicitCode?: string;
  /** Fields set over the synthesized body (from `input.fail`). */
  fields?: Record<string, unknown>;
}

const BODY_PARSER: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'MALFORMED_BODY', 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'BODY_TOO_LARGE', 'The request body is larger than this service accepts.'],
  'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', 'The request body uses a character set this service does not accept.'],
  'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'The request body uses a content encoding this service does not accept.'],
  'request.aborted': [400, 'REQUEST_ABORTED', 'The request body was not received completely.'],
  'request.size.invalid': [400, 'BAD_CONTENT_LENGTH', 'The request body does not match its Content-Length.'],
  'parameters.too.many': [413, 'TOO_MANY_PARAMETERS', 'The request body has too many parameters.'],
};

export function classify(error: unknown, options: RouterOptions, context: Omit<ErrorContext, 'status' | 'cause'>): Verdict {
  const mapped = applyMappers(error, options, context);
  if (mapped) return mapped;
  if (error instanceof HttpError) {
    return { status: error.status, code: error.code ?? codeForStatus(error.status), explicitCode: error.code, detail: error.detail ?? '', origin: 'thrown', headers: error.headers, title: error.title, body: error.body, fields: error.fields };
  }
  const e = (error ?? {}) as { type?: unknown; status?: unknown; errors?: unknown; path?: unknown; message?: unknown };
  if (typeof e.type === 'string' && BODY_PARSER[e.type]) {
    const [status, code, detail] = BODY_PARSER[e.type];
    return { status, code, detail, origin: 'client' };
  }
  if (isDecodingError(e)) return { status: 400, code: 'MALFORMED_BODY', detail: 'The request body could not be decoded with its Content-Encoding.', origin: 'client' };
  if (isValidatorError(e)) return fromValidator(e as { status: number; errors: unknown[] });
  if (options.mapDatabaseErrors !== false) {
    const db = mapDatabaseError(error);
    if (db) {
      const headers: Record<string, string> = db.retryAfter ? { 'Retry-After': String(db.retryAfter) } : {};
      const detail = db.status === 503 ? 'The service is temporarily unavailable; try again shortly.' : db.status === 409 ? 'The request conflicts with existing data.' : 'The request has a value the database does not accept.';
      return { status: db.status, code: db.code, detail, origin: 'thrown', headers };
    }
  }
  return unexpected();
}

export function unexpected(code = 'INTERNAL_ERROR'): Verdict {
  return { status: 500, code, detail: 'An unexpected error occurred.', origin: 'unexpected' };
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

function fromValidator(e: { status: number; errors: unknown[] }): Verdict {
  const issues = issuesFromValidator(e.errors as never);
  if (e.status >= 500) return { ...unexpected('RESPONSE_INVALID'), origin: 'violation', issues: undefined };
  if (e.status === 415) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'The request body has a content type this operation does not accept.', origin: 'client' };
  if (e.status === 413) return { status: 413, code: 'BODY_TOO_LARGE', detail: 'The request body is larger than this service accepts.', origin: 'client' };
  if (e.status === 404) return { status: 404, code: 'NOT_FOUND', detail: 'No operation matches this path.', origin: 'client' };
  if (e.status === 405) return { status: 405, code: 'METHOD_NOT_ALLOWED', detail: 'This path does not support this method.', origin: 'client' };
  if (e.status === 401 || e.status === 403) return { status: e.status, code: codeForStatus(e.status), detail: 'The request is not authorized.', origin: 'client' };
  return { status: 400, code: 'VALIDATION_FAILED', detail: 'The request is invalid.', origin: 'validation', issues };
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
    return { status: result.status, code: result.code ?? codeForStatus(result.status), explicitCode: result.code, detail: result.detail ?? '', origin: 'thrown', headers: result.headers };
  }
  return undefined;
}

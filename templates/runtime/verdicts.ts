/**
 * Every error verdict the runtime produces by itself, by stable code: its status and the detail the
 * client reads. One table, read by classify.ts, handle-error.ts, client-error.ts, http-errors.ts and
 * security/enforce.ts, and listed in the README ("Stable error codes"; test/unit/verdicts-readme.test.ts
 * keeps the two equal). Codes never change meaning; a client may branch on them.
 *
 * Details are fixed text: nothing of the request or of an exception is ever put in them. `title` is
 * the reason phrase of the status unless an entry sets its own.
 */

export interface VerdictText {
  readonly status: number;
  readonly title?: string;
  readonly detail: string;
}

export const VERDICTS = {
  // routing
  NOT_FOUND: { status: 404, detail: 'No operation matches this path.' },
  METHOD_NOT_ALLOWED: { status: 405, detail: 'This path does not support this method; see the Allow header.' },
  BAD_PATH: { status: 400, detail: 'A path parameter is not valid percent-encoding.' },
  // the request body, before validation
  UNSUPPORTED_MEDIA_TYPE: { status: 415, detail: 'The request body has a content type this operation does not accept.' },
  MALFORMED_BODY: { status: 400, detail: 'The request body is not valid JSON.' },
  UNDECODABLE_BODY: { status: 400, detail: 'The request body could not be decoded with its Content-Encoding.' },
  BODY_TOO_LARGE: { status: 413, detail: 'The request body is larger than this service accepts.' },
  UNSUPPORTED_CHARSET: { status: 415, detail: 'The request body uses a character set this service does not accept.' },
  UNSUPPORTED_ENCODING: { status: 415, detail: 'The request body uses a content encoding this service does not accept.' },
  REQUEST_ABORTED: { status: 400, detail: 'The request body was not received completely.' },
  BAD_CONTENT_LENGTH: { status: 400, detail: 'The request body does not match its Content-Length.' },
  TOO_MANY_PARAMETERS: { status: 413, detail: 'The request body has too many parameters.' },
  // validation (params, query, headers, body, multipart and XML bodies); the issues say what failed
  VALIDATION_FAILED: { status: 400, detail: 'The request is invalid.' },
  // security
  UNAUTHENTICATED: { status: 401, detail: 'This operation requires authentication.' },
  INVALID_CREDENTIALS: { status: 401, detail: 'The credentials are not valid.' },
  FORBIDDEN: { status: 403, detail: 'The credentials are valid but do not allow this operation.' },
  INSUFFICIENT_SCOPE: { status: 403, detail: 'The credentials are valid but do not allow this operation.' },
  // requests Node's HTTP parser rejects (answered in the service-level error shape)
  BAD_REQUEST_SYNTAX: { status: 400, detail: 'The request could not be parsed as HTTP.' },
  REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' },
  HEADERS_TOO_LARGE: { status: 431, detail: 'The request headers are too large.' },
  // the service's own failures
  NOT_IMPLEMENTED: { status: 501, detail: '<operation> is not implemented yet' },
  INTERNAL_ERROR: { status: 500, detail: 'An unexpected error occurred.' },
  RESPONSE_INVALID: { status: 500, detail: 'An unexpected error occurred.' },
} as const satisfies Record<string, VerdictText>;

export type VerdictCode = keyof typeof VERDICTS;

/** The client-facing part of a verdict: code, status and detail from the table. */
export function verdictText(code: VerdictCode): { code: VerdictCode; status: number; detail: string; title?: string } {
  return { code, ...VERDICTS[code] };
}

/**
 * Database errors keep the code of their row in db-errors.ts (UNIQUE_VIOLATION, DEADLOCK, ...); the
 * detail depends only on the status, so the database's own text never reaches the client.
 */
export const DATABASE_DETAILS: Readonly<Record<409 | 400 | 503, string>> = {
  409: 'The request conflicts with existing data.',
  400: 'The request has a value the database does not accept.',
  503: 'The service is temporarily unavailable; try again shortly.',
};

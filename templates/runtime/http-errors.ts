/**
 * HttpError: what handlers throw. Its status picks the operation's documented response; the body is
 * built from that response's schema unless a fully typed `body` is given.
 */
import { VERDICTS } from './verdicts.js';

export interface HttpErrorInit<Body = unknown> {
  detail?: string | undefined;
  title?: string | undefined;
  /** Stable SCREAMING_SNAKE code for clients, e.g. USERNAME_TAKEN. */
  code?: string | undefined;
  /** A complete body, already in the documented shape; used as is. */
  body?: Body | undefined;
  /** Fields set over the body built from the documented schema (what `input.fail` passes). */
  fields?: Record<string, unknown> | undefined;
  headers?: Record<string, string> | undefined;
  cause?: unknown;
}

export class HttpError<Body = unknown> extends Error {
  readonly status: number;
  readonly detail?: string | undefined;
  readonly title?: string | undefined;
  readonly code?: string | undefined;
  readonly body?: Body | undefined;
  readonly fields?: Record<string, unknown> | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, detailOrInit?: string | HttpErrorInit<Body>) {
    const init: HttpErrorInit<Body> = typeof detailOrInit === 'string' ? { detail: detailOrInit } : (detailOrInit ?? {});
    super(init.detail ?? reasonPhrase(status), init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = 'HttpError';
    this.status = status;
    this.detail = init.detail;
    this.title = init.title;
    this.code = init.code;
    this.body = init.body;
    this.fields = init.fields;
    this.headers = init.headers ?? {};
  }
}

/** What a stub handler throws; rendered as the operation's documented 500 (or 501 when documented). */
export function notImplemented(operation: string): HttpError {
  const { status, detail } = VERDICTS.NOT_IMPLEMENTED;
  return new HttpError(status, { detail: detail.replace('<operation>', operation), code: 'NOT_IMPLEMENTED' });
}

const PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  511: 'Network Authentication Required',
};

export function reasonPhrase(status: number): string {
  return PHRASES[status] ?? (status >= 500 ? 'Server Error' : status >= 400 ? 'Client Error' : 'Response');
}

/** Stable problem codes for the statuses the runtime produces itself. */
export function codeForStatus(status: number): string {
  return reasonPhrase(status)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The one shape every error inside a generated service is turned into before it is rendered.
 * Handlers, the validator adapter and the database mapper all produce a Problem; the documented
 * body is then built from it by `renderBody` (render-body.ts) following a recipe worked out at
 * generation time. Nothing in a Problem may come from the client's input: messages are written by
 * the service (or by the validator adapter from the schema), never copied from the request.
 *
 * Copied verbatim into every generated service: no imports, no dependencies.
 */

/** Where in the request an issue was found, as express-openapi-validator and FastAPI name it. */
export type IssueLocation = 'body' | 'query' | 'path' | 'header' | 'cookie' | 'request';

export interface Issue {
  location: IssueLocation;
  /** Path inside the location, e.g. ['email'] or ['items', 0, 'name']. */
  path: (string | number)[];
  /** RFC 6901 pointer inside the location, e.g. '/email' ('' for the whole body). */
  pointer: string;
  /** Human text that says what was expected; never echoes the client's input. */
  message: string;
  /** Stable SCREAMING_SNAKE code: REQUIRED, TYPE, FORMAT, ENUM, PATTERN, MINIMUM, UNKNOWN_PARAMETER... */
  code: string;
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
  /** A URI that identifies the problem type (RFC 9457); 'about:blank' when absent. */
  type?: string | undefined;
  /** A URI naming this occurrence: `urn:request:<request id>`. */
  instance?: string | undefined;
  /** The matched operation's path template (`/items/{id}`); never the raw request path, which would echo input. */
  path?: string | undefined;
  requestId?: string | undefined;
  /** Stable SCREAMING_SNAKE: VALIDATION_FAILED, NOT_FOUND, CONFLICT, INTERNAL_ERROR... */
  code: string;
  /** The code a handler or mapper set itself (`new HttpError(409, {code})`); it beats the status's meaning. */
  explicitCode?: string | undefined;
  /** Retry-After is sent: booleans such as `retryable` say true whatever the status. */
  retryable?: boolean | undefined;
  issues?: Issue[] | undefined;
}

/** The issue used when a body needs an issue list but the problem has none (e.g. a 404). */
export function problemAsIssue(problem: Problem): Issue {
  return {
    location: 'request',
    path: [],
    pointer: '',
    message: problem.detail || problem.title,
    code: problem.code,
  };
}

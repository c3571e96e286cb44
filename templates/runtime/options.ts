/** Options of createRouter: everything a team customises without editing generated code. */
import type { Request } from 'express';
import type { Logger } from './logger.js';
import type { HttpError } from './http-errors.js';
import type { Issue, Problem } from './problem.js';
import type { OperationContract } from './contract.js';
import type { AnyVerifier } from './security/types.js';

export interface ErrorContext {
  operation?: OperationContract | undefined;
  requestId: string;
  req: Request;
  /** The status the client received. */
  status: number;
  /** Why faultline chose that status, e.g. 'unexpected', 'contract-violation', 'validation'. */
  cause: string;
}

/** Turns an exception of your own into an HttpError (or a status and detail). */
export type ErrorMapper<E = unknown> = MapperSlot<E>['map'];

/**
 * A method type, so a mapper of one error class (`(e: UsernameTaken) => ...`) fits the options' list
 * of mappers for any error: classify.ts calls a mapper only with instances of the class it is
 * registered with, a run-time fact TypeScript cannot see (method parameters are compared both ways).
 */
interface MapperSlot<E> {
  map(
    error: E,
    context: ErrorContext,
  ): HttpError | { status: number; detail?: string; code?: string; headers?: Record<string, string> } | undefined;
}

export interface RouterOptions {
  /**
   * Where the operations are served: the spec's first server path by default (`/v3` for
   * `https://api.example.com/v3`; contract.basePath), `''` for the root. Requests outside it are unknown
   * routes (the documented 404). An Express router mounted under a prefix (`app.use('/v1', router)`)
   * is served where it is mounted instead.
   */
  basePath?: string;
  /**
   * Validate response bodies against the spec before sending them; a body that fails becomes the
   * documented 500. Default: on, in production too (a few µs for typical bodies, see README). A number
   * between 0 and 1 validates that share of responses, for services whose bodies are large.
   */
  validateResponses?: boolean | number;
  /** Largest accepted request body, as for express.json (default '1mb'). */
  bodyLimit?: string | number;
  /** multipart/form-data limits: bytes per file (default bodyLimit), files (10) and fields (100) per request; over them is a 413. */
  uploadLimits?: { fileSize?: number; files?: number; fields?: number };
  logger?: Logger;
  /** Called for every 5xx and contract violation, e.g. to report to Sentry. Exceptions in it are logged and ignored. */
  onError?: (error: unknown, context: ErrorContext) => void;
  /** [ErrorClass, mapper] pairs; the most specific class in the error's prototype chain wins. */
  errorMappers?: Array<[abstract new (...args: never[]) => unknown, ErrorMapper]>;
  /** Replaces how validation issues become the problem behind a 400. */
  validationProblem?: (issues: Issue[], context: { operation: OperationContract; requestId: string }) => Partial<Problem>;
  /** Map database errors (SQLSTATE, SQLite codes) to documented 409/400/503 (default true). */
  mapDatabaseErrors?: boolean;
  /**
   * Which validator checks requests (and responses when validateResponses is on):
   * - 'compiled' (default): validators compiled with Ajv per operation from generated/openapi.json,
   *   on each operation's first request (no start-up scan); same acceptance and issues as
   *   express-openapi-validator (test/runtime/differential.test.ts lists where they differ and why),
   *   at a fraction of its cost per request;
   * - 'express-openapi-validator': the library itself, configured as faultline always has.
   */
  engine?: 'compiled' | 'express-openapi-validator';
  /** Extra express-openapi-validator options, merged over faultline's (engine 'express-openapi-validator' only). */
  validator?: Record<string, unknown>;
  /** One verifier per security scheme of the spec (typed in generated/security.gen.ts); see security/. */
  security?: Record<string, AnyVerifier | undefined>;
}

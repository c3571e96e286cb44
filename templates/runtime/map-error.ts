/**
 * mapError(Class, status, map?): a typed error mapper. The status is part of the registration, so the
 * mapper cannot answer anything else, and `faultline check` can read it (a number literal) and report
 * every operation whose handler can throw the class without documenting that status:
 *
 *   createRouter(handlers, { errorMappers: [mapError(UsernameTaken, 409, (e) => ({ detail: e.message }))] })
 */
import type { ErrorContext, ErrorMapper } from './options.js';

/** What a typed mapper may add to its fixed status. */
export interface MappedError {
  detail?: string;
  code?: string;
  headers?: Record<string, string>;
}

/** Any class whose instances are E, whatever its constructor takes (`never[]` accepts every parameter list). */
export type ErrorClass<E> = abstract new (...args: never[]) => E;

export function mapError<E, S extends number>(
  type: ErrorClass<E>,
  status: S,
  map?: (error: E, context: ErrorContext) => MappedError | undefined,
): [ErrorClass<E>, ErrorMapper<E>] {
  return [type, (error, context) => ({ ...(map?.(error, context) ?? {}), status })];
}

/**
 * The error a backend throws when it has no usable connection (closed, shutting down, reopening).
 * It carries SQLSTATE 08003 (connection_does_not_exist) so the generated runtime maps it like any
 * other connection failure: the documented 503 with Retry-After, or the documented 500. The
 * message is ours and fixed; the runtime never puts it in a response anyway.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = '08003';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`database unavailable: ${reason}`, options);
    this.name = 'DatabaseUnavailableError';
  }
}

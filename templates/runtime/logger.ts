/** pino logger and request ids. Bodies, passwords and tokens are never logged. */
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { prettyDestination, prettyLogs } from './pretty-log.js';

export type { Logger };

/** JSON lines, except on a terminal outside production (see pretty-log.ts); `pretty` forces either. */
export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  const settings = {
    level: options.level ?? process.env['LOG_LEVEL'] ?? (process.env['NODE_ENV'] === 'test' ? 'silent' : 'info'),
    redact: {
      paths: ['*.password', '*.token', '*.authorization', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  };
  const pretty = options.pretty ?? prettyLogs(process.env, process.stdout.isTTY === true);
  return pretty ? pino(settings, prettyDestination(process.stdout)) : pino(settings);
}

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reuses a well-formed incoming X-Request-Id (for tracing across services), else makes one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}

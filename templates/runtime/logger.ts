/** pino logger and request ids. Bodies, passwords and tokens are never logged. */
import { randomFillSync } from 'node:crypto';
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
  return typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : uuidV4();
}

/**
 * A random (version 4) UUID, as crypto.randomUUID makes them, written as ASCII into one buffer and read
 * as one string: randomUUID joins 20 pieces per call, about 600 bytes of garbage on every request.
 * Random bytes come from a pool refilled 128 ids at a time, as randomUUID's own cache does.
 */
const HEX = Buffer.from('0123456789abcdef');
const POOL = Buffer.alloc(16 * 128);
let poolOffset = POOL.length;
const TEXT = Buffer.from('00000000-0000-0000-0000-000000000000');
/** Where each of the 16 bytes' two hex digits go in TEXT (the dashes stay). */
const SLOTS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

export function uuidV4(): string {
  if (poolOffset === POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  for (let i = 0; i < 16; i++) {
    let byte = POOL[poolOffset + i]!;
    if (i === 6)
      byte = (byte & 0x0f) | 0x40; // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
    const at = SLOTS[i]!;
    TEXT[at] = HEX[byte >> 4]!;
    TEXT[at + 1] = HEX[byte & 0x0f]!;
  }
  poolOffset += 16;
  return TEXT.toString('latin1');
}

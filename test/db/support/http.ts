/** Starts an app on a free port and sends raw requests to it (fetch, no client magic). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

export interface Running {
  base: string;
  server: Server;
  request(method: string, path: string, body?: unknown): Promise<Reply>;
  close(): Promise<void>;
}

export async function listen(app: Express): Promise<Running> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    server,
    request: (method, path, body) => send(base, method, path, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function send(base: string, method: string, path: string, body?: unknown, timeoutMs = 60_000): Promise<Reply> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A hang is a failure of its own: never let a request wait for the test timeout.
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/**
 * A real pino logger at the most verbose level whose lines are kept in memory, so tests can search
 * everything the service logged (e.g. for a password). No redaction here on purpose: a secret must
 * not reach the logger at all.
 */
export function memoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, logger: pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) }) };
}

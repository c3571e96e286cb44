/**
 * Runs an app until SIGTERM/SIGINT, then shuts down in the order that loses no work:
 *   1. stop accepting connections (server.close), and drop idle keep-alive sockets so they
 *      cannot carry new requests;
 *   2. drain: let in-flight requests finish, re-closing sockets as they turn idle, up to a limit
 *      after which the rest are cut;
 *   3. close the database, which waits for its own running queries, then exit 0.
 * A second signal during shutdown does nothing; the drain limit bounds the whole thing.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Database } from '../db/types.js';

/** The logging this needs; pino's Logger fits. */
export interface ServeLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ServeOptions {
  app: Express;
  db: Database;
  port: number;
  /** Listen on this address only, e.g. 127.0.0.1; default every address. */
  host?: string;
  logger: ServeLogger;
  /** How long in-flight requests get to finish after the signal (default 10 s). */
  drainTimeoutMs?: number;
}

export function serve(options: ServeOptions): Server {
  const { app, db, logger } = options;
  const ready = (error?: Error) => {
    // Express 5 hands a listen error (e.g. EADDRINUSE) to this callback instead of throwing it.
    if (error) {
      logger.error({ err: error, port: options.port }, 'cannot listen');
      process.exit(1);
    }
    const { port } = server.address() as AddressInfo;
    logger.info({ port, url: `http://localhost:${port}`, database: db.kind }, 'listening');
  };
  // No host: Node listens on every address, IPv6 included, so `localhost` works either way.
  const server = options.host ? app.listen(options.port, options.host, ready) : app.listen(options.port, ready);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    shutdown(server, db, logger, signal, options.drainTimeoutMs ?? 10_000).then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return server;
}

export async function shutdown(server: Server, db: Database, logger: ServeLogger, signal: string, drainTimeoutMs: number): Promise<void> {
  logger.info({ signal }, 'shutting down: no new connections, draining in-flight requests');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive sockets that go idle after their last response would otherwise hold close() open.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.error({ drainTimeoutMs }, 'drain limit reached: closing the remaining connections');
    server.closeAllConnections();
  }, drainTimeoutMs);
  await closed;
  clearInterval(sweep);
  clearTimeout(timer);
  logger.info({}, 'requests drained; closing the database');
  await db.close();
  logger.info({}, 'database closed');
}

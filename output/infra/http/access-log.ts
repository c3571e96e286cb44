/**
 * One log line per finished request: method, path, status, duration and request id. Never the
 * body, the query string or headers: bodies carry passwords, query strings can carry tokens.
 */
import type { RequestHandler } from 'express';
import type { ServeLogger } from './serve.js';

export function logRequests(logger: ServeLogger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, requestId: res.getHeader('x-request-id') }, 'request');
    });
    next();
  };
}

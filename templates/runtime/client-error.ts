/**
 * Requests Node's HTTP parser rejects before Express sees them (raw non-ASCII in the request line, a
 * bad chunk size, headers too large, a request that took too long) would get Node's bare `400` with
 * no body. Installed as the server's `clientError` listener, this answers them in the service-level
 * error shape instead, with Node's status (431 for headers too large, 408 for a timeout, else 400),
 * `Connection: close`, and nothing of the request echoed back. Sockets that can no longer be written
 * (the client reset them) are just destroyed.
 */
import type { Socket } from 'node:net';
import type { ServiceContract } from './contract.js';
import { renderBody } from './render-body.js';
import { reasonPhrase } from './http-errors.js';
import type { Logger } from './logger.js';
import { VERDICTS, type VerdictCode } from './verdicts.js';

interface ParserError extends Error {
  code?: string;
}

/** Node's status -> our code (detail in verdicts.ts). */
const CODES: Record<number, VerdictCode> = { 400: 'BAD_REQUEST_SYNTAX', 408: 'REQUEST_TIMEOUT', 431: 'HEADERS_TOO_LARGE' };

export function statusForClientError(error: ParserError): number {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

export function clientErrorHandler(contract: ServiceContract, logger?: Logger) {
  return function onClientError(error: ParserError, socket: Socket): void {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusForClientError(error);
    logger?.warn({ code: error.code, status }, 'request rejected by the HTTP parser');
    socket.end(clientErrorResponse(contract, status));
  };
}

/** The raw HTTP/1.1 response: the service-level error body for `status`. */
export function clientErrorResponse(contract: ServiceContract, status: number): string {
  const { contentType, recipe } = contract.serviceError;
  const head = [`HTTP/1.1 ${status} ${reasonPhrase(status)}`, 'Connection: close'];
  if (!contentType) return [...head, 'Content-Length: 0', '', ''].join('\r\n');
  const code = CODES[status] ?? 'BAD_REQUEST_SYNTAX';
  const { detail } = VERDICTS[code];
  const rendered = renderBody(recipe, { status, title: reasonPhrase(status), detail, code });
  // as respond.ts sends bodies: JSON media types get JSON text, others the rendered text
  const isJson = /json/i.test(contentType) || contentType === '*/*';
  const body = isJson || typeof rendered !== 'string' ? JSON.stringify(rendered) : rendered;
  const type = contentType === '*/*' ? 'application/json' : contentType;
  return [...head, `Content-Type: ${type}; charset=utf-8`, `Content-Length: ${Buffer.byteLength(body)}`, '', body].join('\r\n');
}

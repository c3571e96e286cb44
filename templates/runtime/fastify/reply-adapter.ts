/**
 * The error path (handle-error.ts, respond.ts) writes to a response through a handful of methods
 * (status, setHeader, send, end, headersSent, destroy, locals). This adapter gives a Fastify reply
 * those methods, so both targets share one error path and send byte-for-byte the same error bodies.
 */
import type { FastifyReply } from 'fastify';
import type { RequestState } from '../request-state.js';

export interface ResponseLike {
  locals: { faultline: RequestState };
  readonly headersSent: boolean;
  status(code: number): ResponseLike;
  setHeader(name: string, value: string): void;
  removeHeader(name: string): void;
  send(body: string): void;
  end(): void;
  destroy(): void;
}

export function replyAdapter(reply: FastifyReply, state: RequestState): ResponseLike {
  const adapter: ResponseLike = {
    locals: { faultline: state },
    get headersSent() {
      return reply.sent || reply.raw.headersSent;
    },
    status(code) {
      reply.code(code);
      return adapter;
    },
    setHeader(name, value) {
      reply.header(name, value);
    },
    removeHeader(name) {
      reply.removeHeader(name);
    },
    send(body) {
      reply.send(body);
    },
    end() {
      reply.send();
    },
    destroy() {
      reply.raw.destroy();
    },
  };
  return adapter;
}

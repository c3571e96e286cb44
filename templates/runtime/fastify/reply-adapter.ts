/**
 * Gives a Fastify reply the methods the shared error path writes through (response-like.ts), so both
 * targets share one error path and send byte-for-byte the same error bodies.
 */
import type { FastifyReply } from 'fastify';
import type { RequestState } from '../request-state.js';
import type { ResponseLike } from '../response-like.js';

export type { ResponseLike };

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

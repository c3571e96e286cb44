/**
 * What the error path (handle-error.ts, respond.ts) needs of a response: a handful of methods that
 * Express's Response has, and that fastify/reply-adapter.ts gives a Fastify reply, so both targets
 * share one error path and send byte-for-byte the same error bodies.
 */
import type { RequestState } from './request-state.js';

export interface ResponseLike {
  locals: { faultline?: RequestState };
  readonly headersSent: boolean;
  status(code: number): ResponseLike;
  setHeader(name: string, value: string): void;
  removeHeader(name: string): void;
  send(body: string): void;
  end(): void;
  destroy(): void;
}

/**
 * The native request and response of a Fastify service: the escape hatch in every handler's input
 * (`req` is Fastify's request, `res` its reply). Copied over runtime/native.ts for `--target fastify`.
 */
export type { FastifyRequest as NativeRequest, FastifyReply as NativeResponse } from 'fastify';

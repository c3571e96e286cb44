/**
 * The native request and response of the target a service was generated for: the escape hatch in
 * every handler's input (`req`, `res`). This is the Express version; a service generated with
 * `--target fastify` gets runtime/fastify/native.ts copied over this file.
 */
export type { Request as NativeRequest, Response as NativeResponse } from 'express';

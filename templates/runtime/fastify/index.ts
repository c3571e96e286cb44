/**
 * The runtime a service generated with `--target fastify` imports (its runtime/index.ts re-exports
 * this file instead of the Express router), so nothing a Fastify service loads pulls in Express.
 * Depends on fastify and pino only. Besides the Fastify service itself it exports exactly what the
 * Express entry does (../common-exports.ts), so a Fastify service's verifiers, error mappers and server
 * code use the same helpers (test/security/runtime-exports.test.ts keeps the two entries equal).
 */
export { createFastifyService, type FastifyServiceOptions } from './service.js';
export * from '../common-exports.js';

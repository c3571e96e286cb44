/**
 * The runtime a service generated with `--target fastify` imports (its runtime/index.ts re-exports
 * this file instead of the Express router), so nothing a Fastify service loads pulls in Express.
 * Depends on fastify and pino only. Everything the Express entry (../index.ts) exports that is not
 * Express's own (createServiceRouter) is exported here too, so a Fastify service's verifiers, error
 * mappers and server code use the same helpers (test/security/runtime-exports.test.ts keeps them equal).
 */
export { createFastifyService, type FastifyServiceOptions } from './service.js';
export type { OperationHandler, HandlerTable } from '../request-state.js';
export { UndocumentedResult, type HandlerResult } from '../handler-input.js';
export { HttpError, notImplemented, reasonPhrase, type HttpErrorInit } from '../http-errors.js';
export type { RouterOptions, ErrorContext, ErrorMapper } from '../options.js';
export type { ServiceContract, OperationContract, ErrorResponseContract } from '../contract.js';
export type { Problem, Issue } from '../problem.js';
export { createLogger, type Logger } from '../logger.js';
export { mapDatabaseError } from '../db-errors.js';
export type { HandlerInput, Status4XX, Status5XX, Status2XX, OrEmpty } from '../types.js';
export type { UploadedFile } from '../multipart.js';
export type { WithUploads } from '../multipart-shape.js';
export { fail, type Fail, type FailStatus, type FailBody, type FailFields, type FailOptions, type CanFail } from '../fail.js';
export {
  safeEqual,
  forbidden,
  MissingVerifierError,
  type Verifier,
  type VerifyContext,
  type AuthResult,
  type BasicCredential,
  type MutualTlsCredential,
} from '../security/index.js';
export { clientErrorHandler } from '../client-error.js';
export { mapError, type MappedError, type ErrorClass } from '../map-error.js';

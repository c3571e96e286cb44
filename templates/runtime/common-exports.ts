/**
 * What both runtime entries export (index.ts for Express, fastify/index.ts for Fastify): everything a
 * service's handlers, verifiers, error mappers and server code use that is not the framework's own, so
 * a service reads the same helpers whichever target it was generated for. Nothing here imports Express.
 */
export type { OperationHandler, HandlerTable } from './request-state.js';
export { UndocumentedResult, type HandlerResult } from './handler-input.js';
export { HttpError, notImplemented, reasonPhrase, type HttpErrorInit } from './http-errors.js';
export type { RouterOptions, ErrorContext, ErrorMapper } from './options.js';
export type { ServiceContract, OperationContract, ErrorResponseContract } from './contract.js';
export type { Problem, Issue } from './problem.js';
export { createLogger, type Logger } from './logger.js';
export { mapDatabaseError } from './db-errors.js';
export type { HandlerInput, Status4XX, Status5XX, Status2XX, OrEmpty, Sequence } from './types.js';
export type { UploadedFile } from './multipart.js';
export type { WithUploads } from './multipart-shape.js';
export { fail, type Fail, type FailStatus, type FailBody, type FailFields, type FailOptions, type CanFail } from './fail.js';
export {
  safeEqual,
  forbidden,
  MissingVerifierError,
  type Verifier,
  type VerifyContext,
  type AuthResult,
  type BasicCredential,
  type MutualTlsCredential,
} from './security/index.js';
export { clientErrorHandler } from './client-error.js';
export { mapError, type MappedError, type ErrorClass } from './map-error.js';

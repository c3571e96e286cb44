/**
 * The runtime a generated service imports, copied into generated/runtime. Its dependencies: express,
 * pino, ajv + ajv-formats (the compiled validation engine), busboy (multipart bodies), fast-xml-parser
 * (XML bodies) and, loaded only with the 'express-openapi-validator' engine, express-openapi-validator.
 */
export { createServiceRouter, UndocumentedResult, type HandlerResult, type OperationHandler, type HandlerTable } from './router.js';
export { HttpError, notImplemented, reasonPhrase, type HttpErrorInit } from './http-errors.js';
export type { RouterOptions, ErrorContext, ErrorMapper } from './options.js';
export type { ServiceContract, OperationContract, ErrorResponseContract } from './contract.js';
export type { Problem, Issue } from './problem.js';
export { createLogger, type Logger } from './logger.js';
export { mapDatabaseError } from './db-errors.js';
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
export type { HandlerInput, Status4XX, Status5XX, Status2XX, OrEmpty, Sequence } from './types.js';
export { clientErrorHandler } from './client-error.js';
export { fail, type Fail, type FailStatus, type FailBody, type FailFields, type FailOptions, type CanFail } from './fail.js';
export { mapError, type MappedError, type ErrorClass } from './map-error.js';
export type { UploadedFile } from './multipart.js';
export type { WithUploads } from './multipart-shape.js';

/**
 * The runtime a service generated with `--target fastify` imports (its runtime/index.ts re-exports
 * this file instead of the Express router), so nothing a Fastify service loads pulls in Express.
 * Depends on fastify and pino only.
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
export type { HandlerInput, Status4XX, Status5XX, Status2XX, OrEmpty, Sequence } from '../types.js';
export type { UploadedFile } from '../multipart.js';
export type { WithUploads } from '../multipart-shape.js';
export { fail, type Fail, type FailStatus, type FailBody, type FailFields, type FailOptions, type CanFail } from '../fail.js';

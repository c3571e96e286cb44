/**
 * Which validator checks requests and responses: the compiled engine (validate/, the default) or
 * express-openapi-validator, loaded on first use (lazy-validator.ts). Both are reduced to one request
 * step with a callback, so the router calls either the same way, and a response check (the compiled
 * engine's; express-openapi-validator checks responses itself, inside res.json).
 */
import type { Request, Response } from 'express';
import type { OperationContract } from './contract.js';
import type { Logger } from './logger.js';
import type { RouterOptions } from './options.js';
import { sampledCheck, type ResponseCheck } from './send-result.js';
import { compiledValidation } from './validate/index.js';
import { lazyValidator } from './lazy-validator.js';

export interface RequestCheck {
  /** Calls `done()` when the request is valid, `done(failure)` when not. May call `done` again later with an error (express-openapi-validator's response check). */
  validateRequest(req: Request, res: Response, done: (failure?: unknown) => void): void;
  checkResponse: ResponseCheck;
}

/** Whether responses are validated: `validateResponses` true or a share above 0 (default on, in production too). */
export function validatesResponses(options: Pick<RouterOptions, 'validateResponses'>): boolean {
  return (options.validateResponses ?? true) !== false && options.validateResponses !== 0;
}

export function chooseEngine(
  apiSpec: object,
  operations: readonly OperationContract[],
  options: RouterOptions,
  logger: Logger,
): RequestCheck {
  const validate = validatesResponses(options);
  if ((options.engine ?? 'compiled') === 'compiled') {
    const compiled = compiledValidation(apiSpec, operations, validate, logger);
    return { validateRequest: compiled.validateRequest, checkResponse: sampledCheck(compiled.checkResponse, options.validateResponses) };
  }
  const validator = lazyValidator({
    // express-openapi-validator types apiSpec as its own OpenAPIV3.DocumentV3; this is the bundled spec it reads
    apiSpec: apiSpec as Parameters<typeof lazyValidator>[0]['apiSpec'],
    validateRequests: { allowUnknownQueryParameters: false, allErrors: true },
    validateResponses: validate ? { removeAdditional: false } : false,
    validateSecurity: false,
    validateApiSpec: false,
    ...(options.validator ?? {}),
  });
  return { validateRequest: (req, res, done) => validator(req, res, done), checkResponse: undefined };
}

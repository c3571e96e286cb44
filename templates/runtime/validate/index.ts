/**
 * The 'compiled' validation engine: express-openapi-validator's request and response checks, with
 * validators compiled by Ajv per operation from the service's bundled spec (see engine.ts), matched
 * to the operation faultline's own router already found. express-openapi-validator stays available
 * as `engine: 'express-openapi-validator'` and is the oracle of test/runtime/differential.test.ts.
 */
import type { RequestHandler, Response } from 'express';
import type { OperationContract } from '../contract.js';
import type { Logger } from '../logger.js';
import { ValidationEngine } from './engine.js';
import { requestValidator } from './middleware.js';
import { responseChecker } from './response.js';

export { ValidationFailure } from './middleware.js';
export { ValidationEngine } from './engine.js';

export interface CompiledValidation {
  validateRequest: RequestHandler;
  /** undefined when responses are not validated. */
  checkResponse?: ReturnType<typeof responseChecker>;
}

export function compiledValidation(apiSpec: object, operations: readonly OperationContract[], validateResponses: boolean, logger: Logger): CompiledValidation {
  const engine = new ValidationEngine(apiSpec, validateResponses);
  engine.warmUp(operations, (op, error) => logger.error({ operation: op.name, err: error }, 'could not compile the validators of an operation; its requests will fail with 500'));
  const operationOf = (res: Response) => (res.locals.faultline as { operation: OperationContract }).operation;
  return {
    validateRequest: requestValidator(engine, operationOf),
    checkResponse: validateResponses ? responseChecker(engine) : undefined,
  };
}

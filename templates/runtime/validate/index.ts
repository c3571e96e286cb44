/**
 * The 'compiled' validation engine: express-openapi-validator's request and response checks, with
 * validators compiled by Ajv per operation from the service's bundled spec (see engine.ts), matched
 * to the operation faultline's own router already found. express-openapi-validator stays available
 * as `engine: 'express-openapi-validator'` and is the oracle of test/runtime/differential.test.ts.
 */
import type { OperationContract } from '../contract.js';
import type { Logger } from '../logger.js';
import { ValidationEngine } from './engine.js';
import { requestValidator, type ValidatedResponse } from './middleware.js';
import { responseChecker } from './response.js';

export { ValidationFailure } from './middleware.js';
export { ValidationEngine } from './engine.js';

export interface CompiledValidation {
  validateRequest: ReturnType<typeof requestValidator>;
  /** undefined when responses are not validated. */
  checkResponse?: ReturnType<typeof responseChecker> | undefined;
}

export function compiledValidation(
  apiSpec: object,
  operations: readonly OperationContract[],
  validateResponses: boolean,
  logger: Logger,
): CompiledValidation {
  const engine = new ValidationEngine(apiSpec, validateResponses);
  // No start-up scan: each operation's validators compile on its first request, from its plan in
  // contract.gen.ts. (A background warm-up once ran in unref'd setImmediate slices, which Node runs
  // only when I/O wakes the loop, so on a large spec every request paid for a slice.) A validator
  // that cannot compile fails its requests with the documented 500 and is logged then.
  void operations;
  void logger;
  const operationOf = (res: ValidatedResponse): OperationContract => {
    const operation = res.locals.faultline?.operation;
    // the router matches the operation before it validates; without one there is nothing to validate against
    if (!operation) throw new Error('request validation ran before the route was matched');
    return operation;
  };
  return {
    validateRequest: requestValidator(engine, operationOf),
    checkResponse: validateResponses ? responseChecker(engine) : undefined,
  };
}

/**
 * Response validation of the 'compiled' engine, as express-openapi-validator does it on res.json:
 * 5xx bodies are not checked; the documented response for the status (exact, range, default) must
 * declare content when there is a body and a body when it declares content; a JSON body must match
 * the schema of the documented media type (the response's Content-Type, else the first one).
 * `writeOnly` properties are errors here.
 */
import type { OperationContract } from '../contract.js';
import { itemsFromAjv } from '../issues.js';
import type { ValidationEngine } from './engine.js';
import { ValidationFailure } from './failure.js';
import { parseMediaType } from './body.js';

export function responseChecker(engine: ValidationEngine) {
  return function checkResponse(
    op: OperationContract,
    status: number,
    contentType: string | undefined,
    body: unknown,
  ): ValidationFailure | undefined {
    if (status >= 500) return undefined;
    const found = engine.response(op, status);
    if (!found)
      return new ValidationFailure(500, [
        { path: '/response', message: `no schema defined for status code '${status}' in the openapi spec` },
      ]);
    if (!found.hasContent) {
      return body === undefined
        ? undefined
        : new ValidationFailure(500, [{ path: '/response', message: 'response should NOT have a body' }]);
    }
    if (found.validators.size === 0) return undefined;
    if (body === undefined || body === null) return new ValidationFailure(500, [{ path: '/response', message: 'response body required.' }]);
    const validate = pick(found.validators, contentType);
    if (validate(body)) return undefined;
    // Dates and objects with toJSON are checked as they will be sent.
    const sent = JSON.parse(JSON.stringify(body) ?? 'null');
    if (sent !== null && validate(sent)) return undefined;
    return new ValidationFailure(500, itemsFromAjv(validate.errors, '/response'));
  };
}

function pick<V>(validators: Map<string, V>, contentType: string | undefined): V {
  const base = parseMediaType(contentType)?.base;
  if (base) {
    for (const [type, validate] of validators) if (parseMediaType(type)?.base === base) return validate;
  }
  return validators.values().next().value as V;
}

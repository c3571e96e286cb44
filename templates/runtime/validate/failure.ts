/**
 * A failed request or response check, as every validator and body parser reports it. In a file of its
 * own so that the parsers (multipart.ts, xml-body.ts) and the validator can all use it without
 * importing each other.
 *
 * What the error path receives: classify.ts reads `status` and `errors` as from express-openapi-validator.
 * Not an Error on purpose: a 400 is an expected outcome on a hot path, and capturing a stack trace
 * for each one costs more than validating the request. classify() knows it by `status` + `errors`.
 */
import type { ValidatorItem } from '../issues.js';

export class ValidationFailure {
  readonly name = 'ValidationFailure';
  readonly message: string;
  constructor(
    readonly status: number,
    readonly errors: ValidatorItem[],
  ) {
    this.message = status >= 500 ? 'response does not match the spec' : 'request does not match the spec';
  }
}

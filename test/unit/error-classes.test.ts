/**
 * Names of the classes in errors.gen.ts: one per shared error response, named after it, and one per
 * documented status no shared class names. A shared response called `Error` (the commonest name) or
 * another name the file already uses becomes `<Name>Response`, not a numbered copy.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/operations.js';
import { errorClasses } from '../../generator/emit/error-classes.js';

const shared = (name: string) => ({ $ref: `#/components/responses/${name}` });
const response = { description: 'e', content: { 'application/json': { schema: { type: 'object' } } } };

function classNames(responses: Record<string, unknown>, components: Record<string, unknown>): string[] {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/a': { get: { responses: { '200': { description: 'ok' }, ...responses } } } },
    components: { responses: components },
  };
  return errorClasses(buildModel(document).model).map((c) => c.name);
}

describe('error class names', () => {
  it('Error -> ErrorResponse, HttpError -> HttpErrorResponse, Conflict -> ConflictError; statuses without a class get theirs', () => {
    const names = classNames(
      { '400': shared('Error'), '409': shared('Conflict'), '500': shared('HttpError'), '404': response },
      { Error: response, Conflict: response, HttpError: response },
    );
    expect(names).toEqual(['ConflictError', 'ErrorResponse', 'HttpErrorResponse', 'NotFoundError']);
  });
});

/**
 * buildBodyRecipe over real error schemas from ../shared/corpus (read in place, never copied) and
 * hand-written ones. Every successful recipe is rendered for several problems and each body is
 * checked with ajv against the schema itself, so a recipe that drifts from its schema fails here.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBodyRecipe } from '../../generator/model/body-recipe.js';
import { renderBody } from '../../templates/runtime/render-body.js';
import type { Problem } from '../../templates/runtime/problem.js';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const CORPUS = '/work/shared/corpus/';
const docs = new Map<string, Doc>();
function corpus(file: string): Doc {
  if (!docs.has(file)) docs.set(file, parse(fs.readFileSync(CORPUS + file, 'utf8'), { maxAliasCount: -1 }) as Doc);
  return docs.get(file)!;
}

export function at(doc: unknown, pointer: string): unknown {
  const tokens = pointer.replace(/^#\/?/, '').split('/').filter((t) => t !== '');
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')).reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc);
}

interface Case {
  doc: Doc | (() => Doc);
  pointer: string;
  contentType?: string;
  /** Partial bodies expected for the 400-with-issues and the 404 problem. */
  want400: unknown;
  want404: unknown;
}

const json = (p: string) => `${p}/content/application~1json/schema`;
const CASES: [string, Case][] = [
  ['GitHub basic-error', { doc: () => corpus('openapi-typescript/github-api-2022-10.yaml'), pointer: '#/components/schemas/basic-error',
    want400: { message: 'The request is invalid.', status: '400' }, want404: { message: 'No user 42.', status: '404' } }],
  ['GitHub validation-error', { doc: () => corpus('openapi-typescript/github-api-2022-10.yaml'), pointer: '#/components/schemas/validation-error',
    want400: { documentation_url: '', errors: [{ field: 'email', message: 'is required', code: 'REQUIRED' }, {}, {}] }, want404: { message: 'No user 42.', documentation_url: '' } }],
  ['GitHub validation-error-simple', { doc: () => corpus('openapi-typescript/github-api-2022-10.yaml'), pointer: '#/components/schemas/validation-error-simple',
    want400: { errors: ['body.email: is required', 'query.limit: must be >= 1', 'body.items.0.name: must be string'] }, want404: { message: 'No user 42.' } }],
  ['Spotify ErrorObject envelope', { doc: () => corpus('spotify/fixed-spotify-open-api.yml'), pointer: json('#/components/responses/NotFound'),
    want400: { error: { status: 400, message: 'The request is invalid.' } }, want404: { error: { status: 404, message: 'No user 42.' } } }],
  ['Xero payroll Problem', { doc: () => corpus('xero/xero-payroll-uk.yaml'), pointer: '#/components/schemas/Problem',
    want400: { type: 'about:blank', status: '400', invalidFields: [{ name: 'email', reason: 'is required' }, {}, {}] }, want404: { status: '404', instance: '/users/42' } }],
  ['Xero projects Error', { doc: () => corpus('xero/xero-projects.yaml'), pointer: '#/components/schemas/Error',
    want400: { message: 'The request is invalid.' }, want404: { message: 'No user 42.' } }],
  ['Redocly museum problem+json', { doc: () => corpus('redocly-museum/openapi.yaml'), pointer: '#/components/responses/BadRequest/content/application~1problem+json/schema',
    contentType: 'application/problem+json', want400: { type: 'about:blank', title: 'Bad Request' }, want404: { type: 'about:blank', title: 'Not Found' } }],
  ['dropshot Error (4XX/5XX)', { doc: () => corpus('dropshot/test_openapi.json'), pointer: json('#/components/responses/Error'),
    want400: { error_code: 'VALIDATION_FAILED', request_id: '' }, want404: { error_code: 'NOT_FOUND', message: 'No user 42.', request_id: 'req-1' } }],
  ['dropshot EnumError oneOf', { doc: () => corpus('dropshot/test_openapi_custom_error_types.json'), pointer: '#/components/schemas/EnumError',
    want400: { HttpError: { message: 'The request is invalid.' } }, want404: { HttpError: { error_code: 'NOT_FOUND' } } }],
  ['dropshot StructError enum kind', { doc: () => corpus('dropshot/test_openapi_custom_error_types.json'), pointer: '#/components/schemas/StructError',
    want400: { kind: 'CantGetYeFlask' }, want404: { message: 'No user 42.' } }],
  ['swagger-petstore ApiResponse', { doc: () => corpus('swagger-petstore/v3.0/openapi.yaml'), pointer: '#/components/schemas/ApiResponse',
    want400: { code: 400, type: 'about:blank' }, want404: { code: 404, message: 'No user 42.' } }],
  ['OAI petstore Error', { doc: () => corpus('oai-examples/v3.0/petstore.yaml'), pointer: '#/components/schemas/Error',
    want400: { code: 400 }, want404: { code: 404, message: 'No user 42.' } }],
  ['RealWorld GenericErrorModel', { doc: () => corpus('realworld/openapi.yml'), pointer: '#/components/schemas/GenericErrorModel',
    want400: { errors: { body: ['body.email: is required', 'query.limit: must be >= 1', 'body.items.0.name: must be string'] } }, want404: { errors: { body: ['No user 42.'] } } }],
  ['express-openapi-validator ErrorObject', { doc: () => corpus('express-openapi-validator/resources/escaped.characters.in.path.yaml'), pointer: '#/components/schemas/ErrorObject',
    want400: { errors: [{ pointer: '/email', detail: 'is required' }, {}, {}] }, want404: { errors: [] } }],
  ['express-openapi-validator required oops', { doc: () => corpus('express-openapi-validator/resources/response.validation.yaml'), pointer: json('#/paths/~1error/get/responses/400'),
    want400: { oops: '' }, want404: { oops: '' } }],
  ['express-openapi-validator Error default', { doc: () => corpus('express-openapi-validator/resources/openapi.yaml'), pointer: '#/components/schemas/Error',
    want400: { code: 400 }, want404: { code: 404 } }],
  ['USPTO 404 plain string', { doc: () => corpus('oai-examples/v3.0/uspto.yaml'), pointer: json('#/paths/~1{dataset}~1{version}~1fields/get/responses/404'),
    want400: 'Bad Request: The request is invalid.\nbody.email: is required\nquery.limit: must be >= 1\nbody.items.0.name: must be string', want404: 'Not Found: No user 42.' }],
  ['tic-tac-toe text/html errorMessage', { doc: () => corpus('oai-examples/v3.1/tictactoe.yaml'), pointer: '#/components/schemas/errorMessage', contentType: 'text/html',
    want400: expect.stringMatching(/^Bad Request: The request is invalid\.\nbody\.email: is required/), want404: 'Not Found: No user 42.' }],
  ...handWritten(),
];

describe('buildBodyRecipe: bodies that validate', () => {
  it.each(CASES)('%s', (_name, c) => {
    const doc = typeof c.doc === 'function' ? c.doc() : c.doc;
    const schema = at(doc, c.pointer);
    const contentType = c.contentType ?? 'application/json';
    const result = buildBodyRecipe(schema, contentType, { resolve: (ref) => at(doc, ref), pointer: c.pointer });
    if (!result.ok) throw new Error(`${result.pointer}: ${result.message} (fix: ${result.fix})`);
    expect(JSON.parse(JSON.stringify(result.recipe))).toEqual(result.recipe);
    expect(renderBody(result.recipe, PROBLEMS.badRequest)).toMatchObject(c.want400 as object);
    expect(renderBody(result.recipe, PROBLEMS.notFound)).toMatchObject(c.want404 as object);
    const validate = contentType.startsWith('text/') ? undefined : bodyValidator(doc, c.pointer);
    for (const [label, problem] of Object.entries(PROBLEMS) as [string, Problem][]) {
      const body = renderBody(result.recipe, problem, new Date(0));
      if (!validate) expect(typeof body, label).toBe('string');
      else expect(validate(body) ? 'valid' : { label, body, errors: validate.errors }, label).toBe('valid');
    }
  });

  it('is deterministic', () => {
    const doc = corpus('openapi-typescript/github-api-2022-10.yaml');
    const run = () => buildBodyRecipe(at(doc, '#/components/schemas/validation-error'), 'application/json', { resolve: (r) => at(doc, r), pointer: 'x' });
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it('renders an RFC 9457 problem when the content has no schema', () => {
    const result = buildBodyRecipe(undefined, 'application/problem+json', { resolve: () => undefined, pointer: '#/x' });
    expect(result.ok && renderBody(result.recipe, PROBLEMS.notFound)).toEqual({
      type: 'about:blank', title: 'Not Found', status: 404, detail: 'No user 42.', instance: '/users/42', code: 'NOT_FOUND', requestId: 'req-1' });
  });
});

describe('buildBodyRecipe: diagnostics', () => {
  it.each(FAILING)('%s', (_name, { given, want }) => {
    const result = buildBodyRecipe(at(given.doc, given.pointer), given.contentType ?? 'application/json', { resolve: (ref) => at(given.doc, ref), pointer: given.pointer });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.pointer).toBe(want.pointer);
    expect(result.message).toMatch(want.message);
    expect(result.fix).toMatch(want.fix);
  });
});

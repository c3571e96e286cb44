/**
 * The meaning table, tested by rendering. For hand-made error schemas in the styles real APIs use
 * and for every error schema of ../shared/corpus, each of 13 statuses is rendered from the Problem
 * the runtime would build, and the body is checked: valid with ajv, the code says the status (or a
 * lint warning names that status), retry flags follow the status, nothing optional is invented.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBodyRecipe } from '../../generator/model/body-recipe.js';
import { buildErrorRecipes } from '../../generator/model/recipe/responses.js';
import { codesIn, unmetCodes } from '../../generator/model/recipe/codes.js';
import { contradicts } from '../../generator/model/recipe/meanings.js';
import { buildModel } from '../../generator/model/operations.js';
import { loadSpec } from '../../generator/load/index.js';
import { createSchemaValidator } from '../../generator/verify/schemas.js';
import { codeChecks } from '../../generator/verify/checks.js';
import { renderBody } from '../../templates/runtime/render-body.js';
import type { Recipe } from '../../templates/runtime/recipe.js';
import { codeForStatus, reasonPhrase } from '../../templates/runtime/http-errors.js';
import type { Problem } from '../../templates/runtime/problem.js';
import { REPO } from '../support/tmp.js';

const STATUSES = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 501, 503] as const;
type Status = (typeof STATUSES)[number];

/** The Problem the runtime builds for a status it produces itself (handle-error.ts, classify.ts). */
function problemFor(status: number, extra: Partial<Problem> = {}): Problem {
  const issues =
    status === 400 || status === 422
      ? [
          { location: 'body' as const, path: ['email'], pointer: '/email', message: 'is required', code: 'REQUIRED' },
          { location: 'query' as const, path: ['limit'], pointer: '/limit', message: 'must be <= 100', code: 'MAXIMUM' },
        ]
      : undefined;
  return {
    status,
    title: reasonPhrase(status),
    detail: status === 400 ? 'The request is invalid.' : `${reasonPhrase(status)} here.`,
    code: status === 400 ? 'VALIDATION_FAILED' : codeForStatus(status),
    instance: 'urn:request:r1',
    requestId: 'r1',
    issues,
    ...extra,
  };
}

const str = { type: 'string' };
const GRPC = [
  'INVALID_ARGUMENT',
  'FAILED_PRECONDITION',
  'OUT_OF_RANGE',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'ABORTED',
  'ALREADY_EXISTS',
  'RESOURCE_EXHAUSTED',
  'CANCELLED',
  'DATA_LOSS',
  'UNKNOWN',
  'INTERNAL',
  'UNIMPLEMENTED',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
];
const GRPC_WANT: Partial<Record<Status, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  422: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
};
const at = (path: string) => (body: any) => path.split('.').reduce((o, k) => o?.[k], body);
const retryable = (s: number) => s === 429 || s === 503;

interface HandCase {
  schema: Record<string, unknown>;
  /** Where the code sits and what each status must render there (statuses not listed: any non-contradicting value). */
  code?: { at: string; want: Partial<Record<Status, string | number>> };
  flag?: string;
  /** Keys that must never appear (invented optional structure). */
  absent?: string[];
  /** Statuses lint must warn about (no value means them). */
  warns?: Status[];
  extra?: (body: any, status: number) => void;
}

const HAND: [string, HandCase][] = [
  [
    'file-storage lower-case enum',
    {
      schema: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          message: str,
          code: {
            type: 'string',
            enum: [
              'created',
              'bad_request',
              'unauthorized',
              'forbidden',
              'not_found',
              'method_not_allowed',
              'conflict',
              'payload_too_large',
              'unsupported_media_type',
              'too_many_requests',
              'internal_error',
              'not_implemented',
              'service_unavailable',
            ],
          },
        },
      },
      code: {
        at: 'code',
        want: {
          400: 'bad_request',
          401: 'unauthorized',
          403: 'forbidden',
          404: 'not_found',
          405: 'method_not_allowed',
          409: 'conflict',
          413: 'payload_too_large',
          415: 'unsupported_media_type',
          422: 'bad_request',
          429: 'too_many_requests',
          500: 'internal_error',
          501: 'not_implemented',
          503: 'service_unavailable',
        },
      },
      warns: [422],
    },
  ],
  [
    'gRPC envelope with retryable',
    {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message', 'retryable'],
            properties: { code: { type: 'string', enum: GRPC }, message: str, retryable: { type: 'boolean' } },
          },
        },
      },
      code: { at: 'error.code', want: GRPC_WANT },
      flag: 'error.retryable',
      // gRPC has no word for these: the generic INVALID_ARGUMENT is rendered, and lint says so
      warns: [405, 413, 415],
    },
  ],
  [
    'payment API: optional deep oneOf source is never filled',
    {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['type'],
            properties: {
              type: { type: 'string', enum: ['api_error', 'card_error', 'idempotency_error', 'invalid_request_error'] },
              code: str,
              message: str,
              param: str,
              doc_url: str,
              source: {
                oneOf: [
                  {
                    type: 'object',
                    required: ['object'],
                    properties: {
                      object: { enum: ['bank_account'] },
                      account: {
                        type: 'object',
                        properties: {
                          company: {
                            type: 'object',
                            properties: {
                              verification: { type: 'object', properties: { document: { type: 'object', properties: { details: str } } } },
                            },
                          },
                        },
                      },
                    },
                  },
                  {
                    type: 'object',
                    required: ['object'],
                    properties: {
                      object: { enum: ['card'] },
                      errors: { type: 'array', items: { type: 'object', properties: { code: { enum: ['x'] }, message: str } } },
                    },
                  },
                ],
              },
              payment_intent: {
                type: 'object',
                properties: { last_payment_error: { type: 'object', properties: { message: str, errors: { type: 'array', items: str } } } },
              },
            },
          },
        },
      },
      code: { at: 'error.type', want: { 400: 'invalid_request_error', 404: 'invalid_request_error', 500: 'api_error', 503: 'api_error' } },
      absent: ['error.source', 'error.payment_intent', 'error.doc_url', 'error.param'],
      warns: [401, 403, 404, 405, 409, 413, 415, 422, 429, 501, 503],
    },
  ],
  [
    'RFC 9457 Problem without errors: issues summarized in detail',
    {
      schema: {
        type: 'object',
        properties: { type: { type: 'string', format: 'uri' }, title: str, status: { type: 'integer' }, detail: str, instance: str },
      },
      absent: ['errors', 'type'],
      extra: (body, s) => {
        if (s === 400) expect(body.detail).toBe('The request is invalid: body.email: is required; query.limit: must be <= 100');
        expect(body.status).toBe(s);
      },
    },
  ],
  [
    'CamelCase reason names',
    {
      schema: {
        type: 'object',
        required: ['errorCode', 'message'],
        properties: {
          message: str,
          errorCode: {
            type: 'string',
            enum: [
              'BadRequest',
              'Unauthorized',
              'Forbidden',
              'NotFound',
              'MethodNotAllowed',
              'Conflict',
              'PayloadTooLarge',
              'UnsupportedMediaType',
              'UnprocessableEntity',
              'TooManyRequests',
              'InternalServerError',
              'NotImplemented',
              'ServiceUnavailable',
            ],
          },
        },
      },
      code: {
        at: 'errorCode',
        want: {
          400: 'BadRequest',
          404: 'NotFound',
          405: 'MethodNotAllowed',
          413: 'PayloadTooLarge',
          415: 'UnsupportedMediaType',
          422: 'UnprocessableEntity',
          429: 'TooManyRequests',
          500: 'InternalServerError',
          501: 'NotImplemented',
          503: 'ServiceUnavailable',
        },
      },
    },
  ],
  [
    'kebab-case problem type URIs',
    {
      schema: {
        type: 'object',
        required: ['type', 'title'],
        properties: {
          title: str,
          type: {
            type: 'string',
            format: 'uri',
            enum: [
              'https://api.example.com/probs/validation-error',
              'https://api.example.com/probs/not-found',
              'https://api.example.com/probs/rate-limited',
              'https://api.example.com/probs/internal-error',
              'https://api.example.com/probs/conflict',
            ],
          },
        },
      },
      code: {
        at: 'type',
        want: {
          400: 'https://api.example.com/probs/validation-error',
          404: 'https://api.example.com/probs/not-found',
          409: 'https://api.example.com/probs/conflict',
          429: 'https://api.example.com/probs/rate-limited',
          500: 'https://api.example.com/probs/internal-error',
          503: 'https://api.example.com/probs/internal-error',
        },
      },
      warns: [401, 403, 405, 413, 415, 501, 503],
    },
  ],
  [
    'UPPER names with resource prefixes',
    {
      schema: {
        type: 'object',
        required: ['code'],
        properties: {
          message: str,
          code: {
            type: 'string',
            enum: [
              'INVALID_REQUEST',
              'AUTHENTICATION_REQUIRED',
              'ACCESS_DENIED',
              'RESOURCE_NOT_FOUND',
              'METHOD_NOT_ALLOWED',
              'DUPLICATE_RESOURCE',
              'PAYLOAD_TOO_LARGE',
              'UNSUPPORTED_MEDIA_TYPE',
              'RATE_LIMIT_EXCEEDED',
              'INTERNAL_SERVER_ERROR',
              'SERVICE_UNAVAILABLE',
            ],
          },
        },
      },
      code: {
        at: 'code',
        want: {
          400: 'INVALID_REQUEST',
          401: 'AUTHENTICATION_REQUIRED',
          403: 'ACCESS_DENIED',
          404: 'RESOURCE_NOT_FOUND',
          405: 'METHOD_NOT_ALLOWED',
          409: 'DUPLICATE_RESOURCE',
          413: 'PAYLOAD_TOO_LARGE',
          415: 'UNSUPPORTED_MEDIA_TYPE',
          422: 'INVALID_REQUEST',
          429: 'RATE_LIMIT_EXCEEDED',
          500: 'INTERNAL_SERVER_ERROR',
          501: 'INTERNAL_SERVER_ERROR',
          503: 'SERVICE_UNAVAILABLE',
        },
      },
      warns: [422, 501],
    },
  ],
  [
    'numeric-string statuses as codes',
    {
      schema: {
        type: 'object',
        required: ['code', 'message'],
        properties: { message: str, code: { type: 'string', enum: ['400', '401', '403', '404', '409', '422', '429', '500', '503'] } },
      },
      code: {
        at: 'code',
        want: {
          400: '400',
          401: '401',
          404: '404',
          405: '400',
          409: '409',
          413: '400',
          422: '422',
          429: '429',
          500: '500',
          501: '500',
          503: '503',
        },
      },
      warns: [405, 413, 415, 501],
    },
  ],
  [
    'Google style: integer code and gRPC status words',
    {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message', 'status'],
            properties: {
              code: { type: 'integer' },
              message: str,
              status: { type: 'string', enum: GRPC },
            },
          },
        },
      },
      code: { at: 'error.status', want: GRPC_WANT },
      extra: (body, s) => expect(body.error.code).toBe(s),
      warns: [405, 413, 415],
    },
  ],
  [
    'retriable / temporary flags at the top level',
    {
      schema: {
        type: 'object',
        required: ['message', 'retriable'],
        properties: { message: str, code: str, retriable: { type: 'boolean' }, temporary: { type: 'boolean' } },
      },
      flag: 'retriable',
      extra: (body, s) => expect(body.temporary).toBe(retryable(s)),
    },
  ],
  [
    'optional meta object and links are left out',
    {
      schema: {
        type: 'object',
        required: ['message'],
        properties: {
          message: str,
          meta: { type: 'object', properties: { note: str, requestId: str } },
          links: { type: 'array', items: { type: 'object', properties: { href: str } } },
        },
      },
      absent: ['meta', 'links'],
    },
  ],
  [
    'codes with no meaning: neutral value, warned',
    {
      schema: {
        type: 'object',
        required: ['code', 'message'],
        properties: { message: str, code: { type: 'string', enum: ['E_ALPHA', 'E_BETA'] } },
      },
      code: { at: 'code', want: { 404: 'E_ALPHA', 500: 'E_ALPHA' } },
      warns: [...STATUSES],
    },
  ],
  [
    'optional code enum with no fit is left out',
    {
      schema: {
        type: 'object',
        required: ['message'],
        properties: { message: str, code: { type: 'string', enum: ['not_found', 'conflict'] } },
      },
      code: { at: 'code', want: { 404: 'not_found', 409: 'conflict' } },
      extra: (body, s) => {
        if (s >= 500) expect(body).not.toHaveProperty('code');
      },
      warns: [400, 401, 403, 405, 413, 415, 422, 429, 500, 501, 503],
    },
  ],
  [
    'title enum of reason phrases',
    {
      schema: {
        type: 'object',
        required: ['title', 'detail'],
        properties: {
          detail: str,
          title: {
            type: 'string',
            enum: ['Bad Request', 'Unauthorized', 'Forbidden', 'Not Found', 'Conflict', 'Internal Server Error', 'Service Unavailable'],
          },
        },
      },
      code: {
        at: 'title',
        want: {
          400: 'Bad Request',
          404: 'Not Found',
          409: 'Conflict',
          500: 'Internal Server Error',
          503: 'Service Unavailable',
          405: 'Bad Request',
        },
      },
      warns: [405, 413, 415, 422, 429, 501],
    },
  ],
  [
    'snake error_code with resource words',
    {
      schema: {
        type: 'object',
        required: ['error_code', 'message'],
        properties: {
          message: str,
          request_id: str,
          error_code: {
            type: 'string',
            enum: [
              'user_not_found',
              'validation_failed',
              'email_already_exists',
              'rate_limited',
              'server_error',
              'maintenance',
              'unauthorized',
              'forbidden',
            ],
          },
        },
      },
      code: {
        at: 'error_code',
        want: {
          400: 'validation_failed',
          404: 'user_not_found',
          409: 'email_already_exists',
          422: 'validation_failed',
          429: 'rate_limited',
          500: 'server_error',
          503: 'maintenance',
        },
      },
      extra: (body) => expect(body.request_id).toBe('r1'),
      warns: [405, 413, 415, 501],
    },
  ],
  [
    'status enum narrower than the statuses rendered',
    {
      schema: {
        type: 'object',
        required: ['status', 'message'],
        properties: { message: str, status: { type: 'integer', enum: [400, 404, 500] } },
      },
      code: { at: 'status', want: { 400: 400, 404: 404, 405: 400, 409: 400, 500: 500, 503: 500 } },
    },
  ],
];

function docWith(schema: unknown) {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { E: schema } } } as Record<
    string,
    unknown
  >;
}

describe('codes by meaning: hand-made schemas', () => {
  it('has at least 15 of them', () => expect(HAND.length).toBeGreaterThanOrEqual(15));
  it.each(HAND)('%s', (_name, c) => {
    const doc = docWith(c.schema);
    const result = buildBodyRecipe(c.schema, 'application/json', {
      resolve: (ref) => (ref === '#/components/schemas/E' ? c.schema : undefined),
      pointer: '#/components/schemas/E',
    });
    if (!result.ok) throw new Error(result.message);
    const validator = createSchemaValidator(doc);
    const warned: number[] = [];
    for (const status of STATUSES) {
      const body = renderBody(result.recipe, problemFor(status)) as any;
      expect(validator.validate('#/components/schemas/E', body), `${status}: ${JSON.stringify(body)}`).toEqual([]);
      const want = c.code?.want[status];
      if (want !== undefined) expect(at(c.code!.at)(body), `${status}`).toBe(want);
      if (c.flag) expect(at(c.flag)(body), `${status} ${c.flag}`).toBe(retryable(status));
      for (const key of c.absent ?? []) expect(at(key)(body), `${status}: ${key} invented`).toBeUndefined();
      if (unmetCodes(result.recipe, String(status)).length) warned.push(status);
      else expect(codeChecks(body, status), `${status}: ${JSON.stringify(body)}`).toEqual([]);
      c.extra?.(body, status);
    }
    expect(warned).toEqual(c.warns ?? []);
  });

  it('an explicit code wins when the enum allows it, in whatever spelling', () => {
    const [, grpc] = HAND.find(([n]) => n.startsWith('gRPC'))!;
    const result = buildBodyRecipe(grpc.schema, 'application/json', { resolve: () => undefined, pointer: '#/E' });
    if (!result.ok) throw new Error(result.message);
    expect((renderBody(result.recipe, problemFor(409, { explicitCode: 'failed_precondition' })) as any).error.code).toBe(
      'FAILED_PRECONDITION',
    );
    expect((renderBody(result.recipe, problemFor(409, { explicitCode: 'USERNAME_TAKEN' })) as any).error.code).toBe('ALREADY_EXISTS');
  });

  it('Retry-After makes a retryable flag true whatever the status', () => {
    const [, grpc] = HAND.find(([n]) => n.startsWith('gRPC'))!;
    const result = buildBodyRecipe(grpc.schema, 'application/json', { resolve: () => undefined, pointer: '#/E' });
    if (!result.ok) throw new Error(result.message);
    expect((renderBody(result.recipe, problemFor(409, { retryable: true })) as any).error.retryable).toBe(true);
    expect((renderBody(result.recipe, problemFor(409)) as any).error.retryable).toBe(false);
  });

  it('verify flags a code that contradicts its status, and only then', () => {
    expect(codeChecks({ code: 'NOT_FOUND', message: 'x' }, 500).map((v) => v.check)).toEqual(['code_matches_status']);
    expect(codeChecks({ error: { code: 'UNAUTHENTICATED' } }, 404)).toHaveLength(1);
    expect(codeChecks({ code: 'NOT_FOUND' }, 404)).toEqual([]);
    expect(codeChecks({ code: 'UNSUPPORTED_MEDIA_TYPE' }, 400)).toEqual([]);
    expect(codeChecks({ code: 'bad_request' }, 404)).toEqual([]);
    expect(codeChecks({ code: 'E_ALPHA' }, 500)).toEqual([]);
    expect(contradicts('created', 400)).toBe(true);
  });
});

const CORPUS = join(REPO, '../shared/corpus');
const specs = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => row.split('\t')[0]!)
  .filter((spec) => existsSync(join(CORPUS, spec)) && !spec.startsWith('spacetraders/'));
/** Top-level names that hold one of the error's facts; any other optional key would be invented. */
const FACT_NAMES =
  /^(message|msg|detail|details|description|title|error|errors|error_?description|error_?message|code|error_?code|status|status_?code|type|instance|path|request_?id|trace_?id|timestamp|time|issues|violations|invalid_?fields|invalid_?params|field_?errors|kind|name|reason|retryable|retriable)$/i;

describe('codes by meaning: every error schema of the corpus', () => {
  it.each(specs)(
    '%s',
    (spec) => {
      const loaded = loadSpec(join(CORPUS, spec), { cwd: REPO });
      if (!loaded.document || loaded.diagnostics.some((d) => d.severity === 'error')) return;
      const doc = loaded.document;
      const { model } = buildModel(doc);
      const recipes = buildErrorRecipes(doc, model.operations);
      const validator = createSchemaValidator(doc);
      const seen = new Set<string>();
      for (const op of model.operations) {
        for (const response of op.responses.filter((r) => r.isError)) {
          const body = recipes.bodies.get(`${op.key} ${response.status}`);
          const pointer = response.errorContent?.schemaPointer;
          if (!body || !pointer || !/json/.test(body.contentType)) continue;
          const key = `${pointer} ${JSON.stringify(body.recipe)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          for (const status of STATUSES) checkRendered(body.recipe, pointer, status, doc, validator);
        }
      }
    },
    120_000,
  );
});

function checkRendered(
  recipe: Recipe,
  pointer: string,
  status: number,
  doc: Record<string, unknown>,
  validator: ReturnType<typeof createSchemaValidator>,
): void {
  const body = renderBody(recipe, problemFor(status));
  expect(validator.validate(pointer, body), `${pointer} ${status}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
  // A code that lies about the status is allowed only where lint says no value fits it.
  const lies = codesIn(body).filter((c) => contradicts(c.value, status));
  if (lies.length) expect(unmetCodes(recipe, String(status)).length, `${pointer} ${status}: ${JSON.stringify(lies)}`).toBeGreaterThan(0);
  const schema = resolveSchema(doc, pointer);
  if (schema?.oneOf || schema?.anyOf) return; // which branch's `required` applies is the recipe's business
  const parts = [schema, ...(schema?.allOf ?? []).map((s: any) => (s?.$ref ? resolveSchema(doc, s.$ref) : s))];
  const required = new Set<string>(parts.flatMap((p: any) => (Array.isArray(p?.required) ? p.required : [])));
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const name of Object.keys(body))
      if (!required.has(name)) expect(name, `${pointer} ${status}: optional "${name}" invented`).toMatch(FACT_NAMES);
  }
}

function resolveSchema(doc: Record<string, unknown>, pointer: string): any {
  let node: any = pointer
    .slice(2)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((o: any, k) => o?.[k], doc);
  for (let i = 0; i < 10 && typeof node?.$ref === 'string'; i++) node = resolveSchema(doc, node.$ref);
  return node;
}

describe('validation summaries', () => {
  const schema = { type: 'object', required: ['message'], properties: { message: { type: 'string', maxLength: 200 } } };
  const result = buildBodyRecipe(schema, 'application/json', { resolve: () => undefined, pointer: '#/E' });
  const issue = (i: number) => ({
    location: 'body' as const,
    path: [`f${i}`],
    pointer: `/f${i}`,
    message: 'must be <= 100',
    code: 'MAXIMUM',
  });

  it('lists at most five issues, says how many more, and stays within maxLength', () => {
    if (!result.ok) throw new Error(result.message);
    const body = renderBody(result.recipe, problemFor(400, { issues: Array.from({ length: 8 }, (_, i) => issue(i)) })) as any;
    expect(body.message).toMatch(/^The request is invalid: body\.f0: must be <= 100; .*body\.f4: must be <= 100; and 3 more$/);
    expect([...body.message].length).toBeLessThanOrEqual(200);
  });

  it('leaves non-validation messages alone', () => {
    if (!result.ok) throw new Error(result.message);
    expect((renderBody(result.recipe, problemFor(404)) as any).message).toBe('Not Found here.');
  });
});

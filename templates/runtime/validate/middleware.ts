/**
 * The request validator of the 'compiled' engine, in express-openapi-validator's order: the body's
 * media type (415), the query's shape (reserved characters, unknown and empty parameters: one issue,
 * as there), then every parameter and the body at once. Failures go to the router's error path as
 * `{status, errors}` items, exactly what express-openapi-validator throws, so they render the same.
 */
import type { Request } from 'express';
import type { RequestState } from '../request-state.js';
import { ValidationFailure } from './failure.js';
import type { ValidateFunction } from 'ajv';
import type { OperationContract } from '../contract.js';
import { itemsFromAjv, type ValidatorItem } from '../issues.js';
import type { ValidationEngine } from './engine.js';
import { prepareQuery, shapeArray } from './parameters.js';
import { chooseMediaType, parseMediaType } from './body.js';
import type { CompiledRequest } from './compile.js';
import { parseNumericParameters } from './numbers.js';
import { applyFormFields, isFormMediaType, type FormFields } from './form-fields.js';
import { validationViewOf } from '../multipart.js';
import { isXmlMediaType } from '../xml-body.js';

type Obj = Record<string, unknown>;

export { ValidationFailure };

/** The parts of a request the validator reads: an Express request, or the Fastify target's view of one. */
export type ValidatedRequest = Pick<Request, 'headers' | 'path' | 'originalUrl' | 'body'> & { query: unknown };
/** Where the router keeps the request's state (Express's res.locals, or the Fastify reply adapter's). */
export interface ValidatedResponse {
  locals: { faultline?: RequestState };
}

export function requestValidator(engine: ValidationEngine, operationOf: (res: ValidatedResponse) => OperationContract) {
  return function validateRequest(req: ValidatedRequest, res: ValidatedResponse, next: (failure?: unknown) => void): void {
    let compiled: CompiledRequest;
    try {
      compiled = engine.request(operationOf(res));
    } catch (error) {
      return next(error);
    }
    const failure = check(req, res, compiled);
    if (failure) return next(failure);
    next();
  };
}

function check(req: ValidatedRequest, res: ValidatedResponse, compiled: CompiledRequest): ValidationFailure | undefined {
  let validateBody: ValidateFunction | undefined;
  let fields: FormFields | undefined;
  if (compiled.body) {
    const contentType = req.headers['content-type'];
    const type = chooseMediaType(compiled.body.types, contentType);
    if (type === undefined) {
      // No Content-Type and a body that is not required: nothing to validate (OpenAPI's default is optional).
      if (!contentType && compiled.body.required !== true) validateBody = undefined;
      else
        return new ValidationFailure(415, [
          { path: req.path, message: contentType ? 'unsupported media type' : 'media type not specified' },
        ]);
    } else {
      validateBody = compiled.body.validators.get(type);
      fields = compiled.body.forms.get(type);
    }
    // Raw media types (octet-stream, images...) arrive as a Buffer and are checked for presence only.
    if (validateBody && hasBytes(req) && !isParsed(contentType)) validateBody = undefined;
  }
  const queryIndex = req.originalUrl.indexOf('?');
  let query: Obj | undefined;
  if (compiled.hasQuery || queryIndex >= 0) {
    query = req.query as Obj;
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
    const rawQuery = queryIndex >= 0 ? (req.originalUrl.slice(queryIndex + 1).split('#')[0] ?? '') : '';
    const problem = prepareQuery(query, rawQuery, compiled.rules);
    if (problem) return new ValidationFailure(400, [problem.item]);
  }
  let items: ValidatorItem[] | undefined;
  if (compiled.params) {
    // set by the router before validation; an empty state only if the validator runs on its own
    const state = res.locals.faultline ?? { requestId: '', params: {} };
    // what Ajv validates, by location (`query`, `headers`, `params`, `cookies`, `body`)
    const data: { params: Obj; cookies?: Obj; [location: string]: unknown } = {
      query: query ?? {},
      headers: req.headers,
      params: { ...state.params },
      body: req.body,
    };
    if (compiled.hasCookies) data.cookies = parseCookies(req.headers.cookie);
    for (const plan of compiled.arrays) {
      const holder = data[plan.field] as Obj | undefined;
      if (holder) shapeArray(holder, plan);
    }
    const numberItems = parseNumericParameters(data, compiled.numeric);
    if (!compiled.params(data)) items = itemsFromAjv(compiled.params.errors);
    if (numberItems) {
      // Ajv saw the refused text and may have coerced it: its word on those values does not count.
      const refused = numberItems.map((i) => i.path!.replace(/\/\d+$/, ''));
      items = [...numberItems, ...(items ?? []).filter((i) => !refused.some((r) => i.path === r || i.path?.startsWith(r + '/')))];
    }
    // The handler receives what was validated: parsed numbers, coerced booleans, split arrays.
    state.params = data.params;
    if (data.cookies) state.cookies = data.cookies;
  }
  if (validateBody) {
    // multipart: the validator sees files as their names (format: binary is a string), the handler gets the files
    const view = (validationViewOf(req.body) ?? req.body) as Obj;
    const fieldItems = fields && view && typeof view === 'object' ? applyFormFields(view, fields) : undefined;
    if (fields && view !== req.body && req.body && typeof req.body === 'object') applyFormFields(req.body as Obj, fields);
    const data = { body: view };
    let bodyItems = validateBody(data) ? [] : itemsFromAjv(validateBody.errors);
    if (fieldItems) {
      // as for parameters: Ajv's word on a field whose number was refused does not count
      const refused = fieldItems.map((i) => i.path!.replace(/\/\d+$/, ''));
      bodyItems = [...fieldItems, ...bodyItems.filter((i) => !refused.some((r) => i.path === r || i.path?.startsWith(r + '/')))];
    }
    if (bodyItems.length) items = [...(items ?? []), ...bodyItems];
  }
  return items ? new ValidationFailure(400, items) : undefined;
}

function hasBytes(req: ValidatedRequest): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Media types the router parses into values the schema can judge (JSON, forms, text, XML); the rest are
 * Buffers. Remembered per Content-Type (it ran on every request with a body); bounded like chooseMediaType.
 */
const parsedTypes = new Map<string, boolean>();

function isParsed(contentType: string | undefined): boolean {
  const key = contentType ?? '';
  const known = parsedTypes.get(key);
  if (known !== undefined) return known;
  const base = parseMediaType(contentType)?.base ?? '';
  const parsed =
    /^application\/([a-z0-9.+-]*\+)?json$/.test(base) || isFormMediaType(base) || base.startsWith('text/') || isXmlMediaType(base);
  if (parsedTypes.size < 64) parsedTypes.set(key, parsed);
  return parsed;
}

function parseCookies(header: string | undefined): Obj {
  const cookies: Obj = Object.create(null);
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent
    }
    if (name && !(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

/**
 * Compiles the validators of one operation: one Ajv function for every parameter location (the
 * data `{query, headers, params, cookies}`, so instance paths read `/query/limit` as in
 * express-openapi-validator) and one per documented request media type (`{body}`). Response
 * validators are compiled per documented status and media type on first use (or by the warm-up).
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { refTo } from './ajv.js';
import { escapeToken, resolveObject, valueAtPointer } from './prepare.js';
import { planParameters, queryRules, type Field, type ParameterPlan, type QueryRules } from './parameters.js';
import { isBinarySchema } from './body.js';
import { numericParameters, type NumericParameter } from './numbers.js';
import { formFields, isFormMediaType, type FormFields } from './form-fields.js';
import { isXmlMediaType } from '../xml-body.js';

type Obj = Record<string, unknown>;

export interface BodyPlan {
  /** OpenAPI's `required`; undefined when the spec does not say. */
  required: boolean | undefined;
  /** Documented media type -> validator of `{body}`; undefined for binary schemas (presence only). */
  validators: Map<string, ValidateFunction | undefined>;
  types: string[];
  /** Form media types (urlencoded, multipart) -> how their string fields become typed (form-fields.ts). */
  forms: Map<string, FormFields>;
}

export interface CompiledRequest {
  rules: QueryRules;
  /** Path, header and cookie parameters whose arrays need splitting. */
  arrays: ParameterPlan[];
  hasQuery: boolean;
  hasHeaders: boolean;
  hasCookies: boolean;
  /** Integer and number parameters, parsed strictly before Ajv sees them (numbers.ts). */
  numeric: NumericParameter[];
  /** undefined when the operation has no parameters at all. */
  params?: ValidateFunction;
  body?: BodyPlan;
}

export interface RequestAjvs {
  params: Ajv;
  body: Ajv;
}

export function compileRequest(doc: Obj, ajvs: RequestAjvs, path: string, method: string): CompiledRequest {
  const plans = planParameters(doc, path, method);
  const op = operationAt(doc, path, method);
  const rules = queryRules(plans, securityQueryNames(doc, op.value));
  const byField = new Map<Field, ParameterPlan[]>();
  for (const plan of plans) byField.set(plan.field, [...(byField.get(plan.field) ?? []), plan]);
  const compiled: CompiledRequest = {
    rules,
    arrays: plans.filter((p) => p.field !== 'query' && p.schema.type === 'array'),
    hasQuery: byField.has('query'),
    hasHeaders: byField.has('headers'),
    hasCookies: byField.has('cookies'),
    numeric: numericParameters(plans),
  };
  if (plans.length) {
    const properties: Obj = {};
    for (const [field, list] of byField) {
      const required = list.filter((p) => p.required).map((p) => p.name);
      properties[field] = {
        type: 'object',
        properties: Object.fromEntries(list.map((p) => [p.name, p.schemaPointer ? refTo(p.schemaPointer) : {}])),
        ...(required.length ? { required } : {}),
      };
    }
    compiled.params = ajvs.params.compile({ type: 'object', required: ['query', 'headers', 'params'], properties });
  }
  compiled.body = compileBody(doc, ajvs.body, op.value, op.pointer);
  return compiled;
}

function compileBody(doc: Obj, ajv: Ajv, op: Obj | undefined, opPointer: string): BodyPlan | undefined {
  if (!op?.requestBody) return undefined;
  const { value: body, pointer } = resolveObject(doc, op.requestBody, `${opPointer}/requestBody`);
  if (!body?.content || typeof body.content !== 'object') return undefined;
  const validators = new Map<string, ValidateFunction | undefined>();
  const forms = new Map<string, FormFields>();
  for (const type of Object.keys(body.content)) {
    const schemaPointer = `${pointer}/content/${escapeToken(type)}/schema`;
    let schema = valueAtPointer(doc, schemaPointer) as Obj | undefined;
    if (schema && typeof schema.$ref === 'string') schema = valueAtPointer(doc, schema.$ref) as Obj | undefined;
    if (isBinarySchema(schema)) {
      validators.set(type, undefined);
      continue;
    }
    const fields = isFormMediaType(type) || isXmlMediaType(type) ? formFields(doc, schema) : undefined;
    if (fields) forms.set(type, fields);
    const wrapper: Obj = { properties: { body: schema === undefined ? {} : refTo(schemaPointer) } };
    if (body.required === true) wrapper.required = ['body'];
    validators.set(type, ajv.compile(wrapper));
  }
  return { required: typeof body.required === 'boolean' ? body.required : undefined, validators, types: Object.keys(body.content), forms };
}

export function operationAt(doc: Obj, path: string, method: string): { value: Obj | undefined; pointer: string } {
  const pathPointer = `#/paths/${escapeToken(path)}`;
  const item = resolveObject(doc, valueAtPointer(doc, pathPointer), pathPointer);
  const value = item.value?.[method] as Obj | undefined;
  return { value: value && typeof value === 'object' ? value : undefined, pointer: `${item.pointer}/${method}` };
}

/** Names of apiKey-in-query security schemes that apply: they are not "unknown query parameters". */
function securityQueryNames(doc: Obj, op: Obj | undefined): string[] {
  const requirements = (Array.isArray(op?.security) && (op!.security as unknown[]).length ? op!.security : doc.security) as Obj[] | undefined;
  const schemes = ((doc.components as Obj | undefined)?.securitySchemes ?? {}) as Obj;
  if (!Array.isArray(requirements)) return [];
  return requirements
    .filter((r) => r && Object.keys(r).length)
    .map((r) => schemes[Object.keys(r)[0]] as Obj | undefined)
    .filter((s) => s?.type === 'apiKey' && s.in === 'query')
    .map((s) => String(s!.name));
}

export interface ResponseValidators {
  /** Documented media types (JSON only) -> validator; an empty map: the response has no content. */
  byStatus: Map<string, Map<string, ValidateFunction | undefined>>;
}

/** Validators of the JSON bodies of one documented response ('200', '2XX', 'default'), compiled on demand. */
export function compileResponse(doc: Obj, ajv: Ajv, path: string, method: string, status: string): Map<string, ValidateFunction> | undefined {
  const op = operationAt(doc, path, method);
  const responses = op.value?.responses as Obj | undefined;
  if (!responses || !(status in responses)) return undefined;
  const { value: response, pointer } = resolveObject(doc, responses[status], `${op.pointer}/responses/${escapeToken(status)}`);
  const out = new Map<string, ValidateFunction>();
  const content = response?.content as Obj | undefined;
  if (!content || typeof content !== 'object') return out;
  for (const type of Object.keys(content)) {
    if (!isJsonMediaType(type) && type !== '*/*' && !/^[a-z]+\/\*$/.test(type)) continue;
    const schemaPointer = `${pointer}/content/${escapeToken(type)}/schema`;
    if (valueAtPointer(doc, schemaPointer) === undefined) continue;
    out.set(type, ajv.compile(refTo(schemaPointer)));
  }
  return out;
}

export function isJsonMediaType(type: string): boolean {
  return /^[^/;]+\/([^;]*\+)?json\s*(;|$)/i.test(type.trim());
}

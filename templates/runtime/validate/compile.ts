/**
 * Compiles the validators of one operation from its plan (contract.gen.ts, validate/plan.ts): one Ajv
 * function for every parameter location (the data `{query, headers, params, cookies}`, so instance
 * paths read `/query/limit` as in express-openapi-validator) and one per documented request media
 * type (`{body}`). Response validators are compiled per documented status and media type on first use.
 * Nothing here walks the spec: the plans point at schemas, and the schema family copies in what they reach.
 */
import type { ValidateFunction } from 'ajv';
import { refTo } from './ajv.js';
import { queryRules, type Field, type ParameterPlan, type QueryRules } from './parameters.js';
import type { NumericParameter } from './numbers.js';
import type { FormFields } from './form-fields.js';
import type { RequestBodyPlan, ResponsePlan, ValidationPlan } from './plan.js';
import type { SchemaFamily } from './schema-family.js';

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

export function compileRequest(family: SchemaFamily, plan: ValidationPlan): CompiledRequest {
  const plans = plan.parameters;
  const rules = queryRules(plans, plan.credentialQueryNames ?? []);
  const byField = new Map<Field, ParameterPlan[]>();
  for (const p of plans) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
  const compiled: CompiledRequest = {
    rules,
    arrays: plans.filter((p) => p.field !== 'query' && p.type === 'array'),
    hasQuery: byField.has('query'),
    hasHeaders: byField.has('headers'),
    hasCookies: byField.has('cookies'),
    numeric: plan.numeric ?? [],
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
    const pointers = plans.flatMap((p) => (p.schemaPointer ? [p.schemaPointer] : []));
    compiled.params = family.compile('params', { type: 'object', required: ['query', 'headers', 'params'], properties }, pointers);
  }
  if (plan.body) compiled.body = compileBody(family, plan.body);
  return compiled;
}

function compileBody(family: SchemaFamily, body: RequestBodyPlan): BodyPlan {
  const validators = new Map<string, ValidateFunction | undefined>();
  const forms = new Map<string, FormFields>();
  for (const media of body.media) {
    if (media.binary) {
      validators.set(media.type, undefined);
      continue;
    }
    if (media.form) forms.set(media.type, media.form);
    const wrapper: { properties: Obj; required?: string[] } = {
      properties: { body: media.schemaPointer ? refTo(media.schemaPointer) : {} },
    };
    if (body.required === true) wrapper.required = ['body'];
    validators.set(media.type, family.compile('body', wrapper, media.schemaPointer ? [media.schemaPointer] : []));
  }
  return { required: body.required, validators, types: body.media.map((m) => m.type), forms };
}

/** Validators of the JSON bodies of one documented response ('200', '2XX', 'default'). */
export function compileResponse(family: SchemaFamily, response: ResponsePlan): Map<string, ValidateFunction> {
  const out = new Map<string, ValidateFunction>();
  for (const { type, schemaPointer } of response.json) out.set(type, family.compile('response', refTo(schemaPointer), [schemaPointer]));
  return out;
}

export function isJsonMediaType(type: string): boolean {
  return /^[^/;]+\/([^;]*\+)?json\s*(;|$)/i.test(type.trim());
}

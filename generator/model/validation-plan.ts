/**
 * The validation plan of one operation (templates/runtime/validate/plan.ts), worked out here from the
 * author's document so the runtime never walks the spec: parameters as express-openapi-validator reads
 * them (request field, style and explode with their per-location defaults, what the schema says about
 * splitting and parsing), strictly parsed numbers, typed form fields, the request body's media types
 * and the documented responses. Schemas stay in openapi.json; the plan points at them by location
 * (`.../parameters/0/schema`), which the tools' copy keeps even where it rewrites a `$ref`.
 */
import { escapeToken, valueAt } from '../../templates/runtime/json-pointer.js';
import type { Field, FormFields, MediaPlan, NumericParameter, ParameterPlan, RequestBodyPlan, ResponsePlan, ValidationPlan } from '../../templates/runtime/validate/plan.js';
import { isFormMediaType } from '../../templates/runtime/validate/form-fields.js';
import { isXmlMediaType } from '../../templates/runtime/xml-body.js';
import { isJsonMediaType } from '../../templates/runtime/validate/compile.js';
import type { ModelSecurity, ModelSecurityScheme } from './security.js';

type Obj = Record<string, unknown>;
const FIELDS: Record<string, Field> = { query: 'query', header: 'headers', path: 'params', cookie: 'cookies' };
const DEFAULT_STYLE: Record<string, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };
const X_OF = ['allOf', 'oneOf', 'anyOf'] as const;

export function buildValidationPlan(doc: Obj, path: string, method: string, credentialQueryNames: string[]): ValidationPlan {
  const pathItem = resolveObject(doc, valueAt(doc, `#/paths/${escapeToken(path)}`), `#/paths/${escapeToken(path)}`);
  const opPointer = `${pathItem.pointer}/${method}`;
  const op = asObj(pathItem.value?.[method]);
  const planned = planParameters(doc, pathItem, op, opPointer);
  const parameters = planned.map((p) => p.plan);
  const numeric = planned.flatMap(({ plan, schema }) => {
    const number = numberOf(schema, plan.jsonContent === true);
    return number ? [{ field: plan.field, name: plan.name, ...number }] : [];
  });
  return {
    parameters,
    ...(numeric.length ? { numeric } : {}),
    ...(credentialQueryNames.length ? { credentialQueryNames } : {}),
    ...(op.requestBody ? bodyPlan(doc, op.requestBody, `${opPointer}/requestBody`) : {}),
    responses: responsePlans(doc, asObj(op.responses), `${opPointer}/responses`),
  };
}

/** Operation parameters first, then path-level ones the operation does not redeclare (by name or `$ref`). */
function planParameters(doc: Obj, pathItem: { value: Obj | undefined; pointer: string }, op: Obj, opPointer: string): { plan: ParameterPlan; schema: Obj }[] {
  const own = Array.isArray(op.parameters) ? (op.parameters as Obj[]) : [];
  const shared = Array.isArray(pathItem.value?.parameters) ? (pathItem.value!.parameters as Obj[]) : [];
  const entries = own.map((p, i) => ({ raw: p, pointer: `${opPointer}/parameters/${i}` }));
  shared.forEach((p, i) => {
    const clash = own.some((o) => (o?.name !== undefined && o.name === p?.name) || (o?.$ref !== undefined && o.$ref === p?.$ref));
    if (!clash) entries.push({ raw: p, pointer: `${pathItem.pointer}/parameters/${i}` });
  });
  const plans: { plan: ParameterPlan; schema: Obj }[] = [];
  for (const entry of entries) {
    const { value: param, pointer } = resolveObject(doc, entry.raw, entry.pointer);
    if (!param || typeof param.name !== 'string' || !Object.hasOwn(FIELDS, String(param.in))) continue;
    plans.push(planOne(doc, param, pointer));
  }
  return plans;
}

function planOne(doc: Obj, param: Obj, pointer: string): { plan: ParameterPlan; schema: Obj } {
  const where = String(param.in);
  let schemaPointer: string | undefined;
  let jsonContent = false;
  if (param.schema && typeof param.schema === 'object') schemaPointer = `${pointer}/schema`;
  else if (param.content && typeof param.content === 'object') {
    const type = Object.keys(param.content)[0];
    if (type !== undefined) {
      schemaPointer = `${pointer}/content/${escapeToken(type)}/schema`;
      jsonContent = /^[^/]+\/([^;]*\+)?json\s*(;|$)/i.test(type);
    }
  }
  const schema = followRef(doc, schemaPointer ? valueAt(doc, schemaPointer) : undefined);
  const style = typeof param.style === 'string' ? param.style : DEFAULT_STYLE[where];
  const plan: ParameterPlan = {
    name: where === 'header' ? String(param.name).toLowerCase() : String(param.name),
    field: FIELDS[where],
    ...(schemaPointer ? { schemaPointer } : {}),
    style,
    explode: typeof param.explode === 'boolean' ? param.explode : style === 'form',
  };
  // flags only when set: contract.gen.ts stays small on specs with thousands of parameters
  if (param.required === true) plan.required = true;
  if (param.allowReserved === true) plan.allowReserved = true;
  if (param.allowEmptyValue === true) plan.allowEmptyValue = true;
  if (jsonContent) plan.jsonContent = true;
  if (typeof schema.type === 'string') plan.type = schema.type;
  if (hasObject(schema)) plan.objectLike = true;
  if (schema.type === 'object' && schema.additionalProperties) plan.open = true;
  if (plan.objectLike && style === 'form' && plan.explode) Object.assign(plan, explodedProperties(schema));
  if (plan.objectLike && style === 'deepObject') {
    const value = deepObjectDefault(schema);
    if (value !== undefined) plan.deepObjectDefault = value;
  }
  return { plan, schema };
}

function hasObject(schema: Obj | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  if (schema.$ref) return true;
  return schema.type === 'object' || X_OF.some((k) => Array.isArray(schema[k]) && (schema[k] as Obj[]).some(hasObject));
}

/** form + explode objects: `?a=1&b=2` for an object parameter with properties a, b becomes `{a, b}`. */
function explodedProperties(schema: Obj): Pick<ParameterPlan, 'explodeProperties' | 'explodeArrays'> {
  const xOf = X_OF.flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as Obj[]) : []));
  const names = xOf.length
    ? xOf.filter((s) => s?.type === 'object').flatMap((s) => Object.keys(asObj(s.properties)))
    : schema.type === 'object' ? Object.keys(asObj(schema.properties)) : [];
  const own = asObj(schema.properties);
  return { explodeProperties: names, explodeArrays: names.filter((n) => asObj(own[n]).type === 'array') };
}

function deepObjectDefault(schema: Obj): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.properties && typeof schema.properties === 'object') {
    const value: Obj = {};
    for (const [key, prop] of Object.entries(schema.properties as Obj)) if ((prop as Obj)?.default) value[key] = (prop as Obj).default;
    return value;
  }
  return undefined;
}

/** The number kind of a schema or its items: 'integer' or 'number' when that is the only non-null type. */
function numberOf(schema: Obj, jsonContent: boolean): Pick<NumericParameter, 'kind' | 'array'> | undefined {
  if (jsonContent) return undefined;
  const own = numberKind(schema);
  if (own) return { kind: own, array: false };
  if (schema.type !== 'array') return undefined;
  const items = numberKind(schema.items);
  return items ? { kind: items, array: true } : undefined;
}

function numberKind(schema: unknown): NumericParameter['kind'] | undefined {
  const type = asObj(schema).type;
  const types = (Array.isArray(type) ? type : [type]).filter((t) => t !== 'null');
  return types.length === 1 && (types[0] === 'integer' || types[0] === 'number') ? types[0] : undefined;
}

function bodyPlan(doc: Obj, raw: unknown, at: string): { body?: RequestBodyPlan } {
  const { value: body, pointer } = resolveObject(doc, raw, at);
  if (!body?.content || typeof body.content !== 'object') return {};
  const media: MediaPlan[] = [];
  for (const type of Object.keys(body.content)) {
    const schemaPointer = `${pointer}/content/${escapeToken(type)}/schema`;
    const rawSchema = valueAt(doc, schemaPointer);
    const schema = followRef(doc, rawSchema);
    const plan: MediaPlan = { type, ...(rawSchema !== undefined ? { schemaPointer } : {}) };
    if (schema.format === 'binary') plan.binary = true;
    else if (isFormMediaType(type) || isXmlMediaType(type)) {
      const form = formFields(doc, schema);
      if (form) plan.form = form;
    }
    media.push(plan);
  }
  return { body: { ...(typeof body.required === 'boolean' ? { required: body.required } : {}), media } };
}

/** Form bodies arrive as strings: what the schema's top-level properties say they are. */
function formFields(doc: Obj, schema: Obj): FormFields | undefined {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object') return undefined;
  const fields: FormFields = { numeric: [], booleans: [], arrays: [] };
  for (const [name, raw] of Object.entries(properties as Obj)) {
    if (!raw || typeof raw !== 'object') continue;
    const prop = followRef(doc, raw);
    if (prop.type === 'boolean') fields.booleans.push(name);
    if (prop.type === 'array') fields.arrays.push(name);
    const number = numberOf(prop.type === 'array' ? { ...prop, items: followRef(doc, prop.items) } : prop, false);
    if (number) fields.numeric.push({ field: 'body', name, ...number });
  }
  return fields;
}

/** Documented responses: which declare content, and the schemas of their JSON (and wildcard) media types. */
function responsePlans(doc: Obj, responses: Obj, base: string): ResponsePlan[] {
  const plans: ResponsePlan[] = [];
  for (const status of Object.keys(responses)) {
    if (!/^([1-5][0-9X]{2}|default)$/i.test(status)) continue;
    const { value: response, pointer } = resolveObject(doc, responses[status], `${base}/${escapeToken(status)}`);
    const content = response?.content;
    const json: ResponsePlan['json'] = [];
    if (content && typeof content === 'object') {
      for (const type of Object.keys(content)) {
        if (!isJsonMediaType(type) && type !== '*/*' && !/^[a-z]+\/\*$/.test(type)) continue;
        const schemaPointer = `${pointer}/content/${escapeToken(type)}/schema`;
        if (valueAt(doc, schemaPointer) !== undefined) json.push({ type, schemaPointer });
      }
    }
    plans.push({ status, hasContent: !!content, json });
  }
  return plans;
}

/** Follows `$ref`s between non-schema objects (parameters, request bodies, responses, path items). */
function resolveObject(doc: Obj, value: unknown, pointer: string): { value: Obj | undefined; pointer: string } {
  let current = value as Obj | undefined;
  let at = pointer;
  for (let hops = 0; hops < 20 && current && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return { value: undefined, pointer: at };
    at = ref;
    current = valueAt(doc, ref) as Obj | undefined;
  }
  return { value: current && typeof current === 'object' ? current : undefined, pointer: at };
}

/** A schema with one local `$ref` followed, as the runtime's style rules always read it; `{}` when absent. */
function followRef(doc: Obj, schema: unknown): Obj {
  let node = schema;
  if (node && typeof node === 'object' && typeof (node as Obj).$ref === 'string') node = valueAt(doc, (node as Obj).$ref as string);
  return asObj(node);
}

function asObj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

/** Query names of the apiKey schemes in any alternative of the operation's effective security. */
export function credentialQueryNames(requirements: ModelSecurity, schemes: readonly ModelSecurityScheme[]): string[] {
  const names = new Set<string>();
  for (const alternative of requirements ?? []) {
    for (const { scheme } of alternative) {
      const type = schemes.find((s) => s.name === scheme)?.type;
      if (type?.kind === 'apiKey' && type.in === 'query') names.add(type.name);
    }
  }
  return [...names].sort();
}

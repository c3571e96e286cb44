/**
 * The validation plan of one operation (templates/runtime/validate/plan.ts), worked out here from the
 * author's document so the runtime never walks the spec: parameters as express-openapi-validator reads
 * them (request field, style and explode with their per-location defaults, what the schema says about
 * splitting and parsing), strictly parsed numbers, typed form fields, the request body's media types
 * and the documented responses. Schemas stay in openapi.json; the plan points at them by location
 * (`.../parameters/0/schema`), which the tools' copy keeps even where it rewrites a `$ref`.
 */
import { escapeToken, valueAt } from '../../templates/runtime/json-pointer.js';
import type { FormFields, MediaPlan, RequestBodyPlan, ResponsePlan, ValidationPlan } from '../../templates/runtime/validate/plan.js';
import { isFormMediaType } from '../../templates/runtime/validate/form-fields.js';
import { isXmlMediaType } from '../../templates/runtime/xml-media-type.js';
import { isJsonMediaType } from '../../templates/runtime/validate/compile.js';
import type { ModelSecurity, ModelSecurityScheme } from './security.js';
import { numberOf, planParameters } from './parameter-plan.js';
import { asObj, followRef, resolveObject } from './plan-refs.js';

type Obj = Record<string, unknown>;

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

/**
 * Parameter plans (templates/runtime/validate/plan.ts) as express-openapi-validator reads parameters:
 * which request field each lives in, its style and explode with the per-location defaults, and what
 * its schema (one `$ref` followed) says about splitting and parsing; plus which values are numbers
 * read strictly. Part of an operation's validation plan (validation-plan.ts).
 */
import { escapeToken, valueAt } from '../../templates/runtime/json-pointer.js';
import type { Field, NumericParameter, ParameterPlan } from '../../templates/runtime/validate/plan.js';
import { asObj, followRef, resolveObject, type Located } from './plan-refs.js';

type Obj = Record<string, unknown>;
const FIELDS: Record<string, Field> = { query: 'query', header: 'headers', path: 'params', cookie: 'cookies' };
const DEFAULT_STYLE: Record<string, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };
const X_OF = ['allOf', 'oneOf', 'anyOf'] as const;

/** Operation parameters first, then path-level ones the operation does not redeclare (by name or `$ref`). */
export function planParameters(doc: Obj, pathItem: Located, op: Obj, opPointer: string): { plan: ParameterPlan; schema: Obj }[] {
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
    : schema.type === 'object'
      ? Object.keys(asObj(schema.properties))
      : [];
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
export function numberOf(schema: Obj, jsonContent: boolean): Pick<NumericParameter, 'kind' | 'array'> | undefined {
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

/**
 * Parameters as express-openapi-validator reads them. Which request field each lives in, its style
 * and explode, and what its schema says about splitting and parsing are worked out by the generator
 * (the plans in contract.gen.ts, validate/plan.ts); `prepareQuery` applies them to a request's query
 * before Ajv runs (arrays split on the style's delimiter, objects from form/deepObject styles, JSON
 * `content`).
 */
import type { ValidatorItem } from '../issues.js';
import type { ParameterPlan } from './plan.js';

export type { Field, ParameterPlan } from './plan.js';

type Obj = Record<string, unknown>;
const DELIMITERS: Record<string, string> = { simple: ',', form: ',', spaceDelimited: ' ', pipeDelimited: '|' };
/**
 * Characters a query value must percent-encode unless `allowReserved` (RFC 3986 gen-delims and
 * sub-delims). `+` is not among them here: in a query string it is the form encoding of a space
 * (WHATWG application/x-www-form-urlencoded), what URLSearchParams, browsers and HTML forms send,
 * and the query parser already reads it as one. A literal plus travels as `%2B`.
 */
const RESERVED = /[:/?#[\]@!$&'()*,;=]/;

/** What `prepareQuery` and `shapeField` need, computed once per operation. */
export interface QueryRules {
  plans: ParameterPlan[];
  /** undefined: any query parameter is accepted (an object parameter with additionalProperties). */
  known: Set<string> | undefined;
  /** Parameter names that contain a literal `[`. */
  literalBrackets: Set<string>;
}

export function queryRules(plans: ParameterPlan[], securityQueryNames: string[]): QueryRules {
  const query = plans.filter((p) => p.field === 'query');
  const open = query.some((p) => p.open);
  return {
    plans: query,
    known: open ? undefined : new Set([...query.map((p) => p.name), ...securityQueryNames]),
    literalBrackets: new Set(query.filter((p) => p.name.includes('[')).map((p) => p.name)),
  };
}

export class ParameterProblem {
  constructor(readonly item: ValidatorItem) {}
}

/**
 * Shapes `query` in place (bracket keys, styles, JSON content), then rejects reserved characters,
 * unknown and empty parameters. Returns the single problem express-openapi-validator would stop at.
 */
export function prepareQuery(query: Obj, rawQuery: string, rules: QueryRules): ParameterProblem | undefined {
  let raw: Map<string, (string | undefined)[]> | undefined;
  for (const key of Object.keys(query)) if (key.includes('[') && !rules.literalBrackets.has(key)) nestBracketKey(query, key);
  for (const plan of rules.plans) {
    if (!plan.allowReserved && rawQuery) {
      raw ??= rawPairs(rawQuery);
      const problem = reservedProblem(plan, raw);
      if (problem) return problem;
    }
    shapeQueryValue(query, plan);
  }
  for (const key of Object.keys(query)) {
    if (rules.known && !rules.known.has(key))
      return new ParameterProblem({ path: `/query/${key}`, message: `Unknown query parameter '${key}'` });
    if (query[key] === '' && !rules.plans.some((p) => p.name === key && p.allowEmptyValue)) {
      return new ParameterProblem({ path: `/query/${key}`, message: `Empty value found for query parameter '${key}'` });
    }
  }
  return undefined;
}

function reservedProblem(plan: ParameterPlan, raw: Map<string, (string | undefined)[]>): ParameterProblem | undefined {
  const values = raw.get(plan.name);
  if (!values) return undefined;
  for (const value of values) {
    const parts = plan.explode ? [value] : (value ?? '').split(',');
    if (parts.some((part) => part !== undefined && RESERVED.test(part))) {
      return new ParameterProblem({
        path: `/query/${plan.name}`,
        message: `Parameter '${plan.name}' must be url encoded. Its value may not contain reserved characters.`,
      });
    }
  }
  return undefined;
}

function rawPairs(rawQuery: string): Map<string, (string | undefined)[]> {
  const pairs = new Map<string, (string | undefined)[]>();
  for (const pair of rawQuery.split('&')) {
    const [key = '', value] = pair.split('=');
    let list = pairs.get(key);
    if (!list) pairs.set(key, (list = []));
    list.push(value);
  }
  return pairs;
}

function shapeQueryValue(query: Obj, plan: ParameterPlan): void {
  const { name } = plan;
  if (plan.jsonContent) return parseJson(query, name);
  if (plan.objectLike) {
    if (plan.style === 'form' && plan.explode) {
      parseJson(query, name);
      explodeObject(query, plan);
    } else if (plan.style === 'deepObject') {
      // a copy: Ajv's useDefaults may fill it in, and the plan is shared by every request
      if (!query[name]) query[name] = plan.deepObjectDefault === undefined ? undefined : structuredClone(plan.deepObjectDefault);
      parseJson(query, name);
    } else if (plan.style === 'form' && !plan.explode && plan.type === 'object' && typeof query[name] === 'string') {
      const pairs = csvPairs(query[name] as string);
      if (pairs) query[name] = pairs;
      else parseJson(query, name);
    } else parseJson(query, name);
    return;
  }
  shapeArray(query, plan);
}

/** Splits or wraps an array-typed value of any field (query, path, header) as its style says. */
export function shapeArray(values: Obj, plan: ParameterPlan): void {
  if (plan.type !== 'array') return;
  const value = values[plan.name];
  if (!value || Array.isArray(value)) return;
  if (plan.explode && plan.field !== 'headers' && plan.field !== 'params') values[plan.name] = [value];
  else if (typeof value === 'string') values[plan.name] = value.split(DELIMITERS[plan.style] ?? ',');
}

function parseJson(values: Obj, name: string): void {
  const value = values[name];
  if (!value || typeof value !== 'string') return;
  try {
    values[name] = JSON.parse(value);
  } catch {
    // left as is: the schema check reports it
  }
}

/** form + explode objects: `?a=1&b=2` for an object parameter `p` with properties a, b becomes `p: {a, b}`. */
function explodeObject(query: Obj, plan: ParameterPlan): void {
  const props = plan.explodeProperties ?? [];
  if (!props.some((p) => Object.hasOwn(query, p))) return;
  const target: Obj = {};
  query[plan.name] = target;
  for (const prop of props) {
    if (!query[prop]) continue;
    const array = plan.explodeArrays?.includes(prop) === true;
    target[prop] = array && !Array.isArray(query[prop]) ? [query[prop]] : query[prop];
    delete query[prop];
  }
}

function csvPairs(text: string): Obj | undefined {
  if (text.includes('{')) return undefined;
  const items = text.split(',');
  if (items.length % 2 !== 0) return undefined;
  const out: Obj = {};
  for (let i = 0; i < items.length - 1; i += 2) out[items[i] ?? ''] = items[i + 1];
  return out;
}

/** `filter[name]=x` becomes `filter: {name: 'x'}` (`[]` appends to an array), merged with earlier keys. */
function nestBracketKey(query: Obj, key: string): void {
  const base = key.slice(0, key.indexOf('['));
  const segments = [...key.slice(base.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '');
  const raw = query[key];
  delete query[key];
  if (!base || !segments.length) return;
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const root: Obj = Object.create(null);
  let node: Obj | unknown[] = root;
  let slot: string | number = base;
  for (const segment of segments) {
    const next: Obj | unknown[] = segment === '' ? [] : Object.create(null);
    (node as Obj)[slot as string] = next;
    node = next;
    slot = segment === '' ? 0 : segment;
  }
  (node as Obj)[slot as string] = value;
  const parsed = root[base];
  const existing = query[base];
  if (
    existing &&
    typeof existing === 'object' &&
    !Array.isArray(existing) &&
    parsed &&
    typeof parsed === 'object' &&
    !Array.isArray(parsed)
  ) {
    query[base] = { ...(existing as Obj), ...(parsed as Obj) };
  } else query[base] = parsed;
}

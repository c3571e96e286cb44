/**
 * fast-check arbitraries for requests to one operation of a spec: parameters and bodies drawn from
 * the schemas (mostly valid values, with wrong types, out-of-range numbers, bad formats, missing
 * required fields, unknown fields and parameters, empty values and reserved characters mixed in).
 */
import fc from 'fast-check';

type Obj = Record<string, any>;

export interface DiffRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  label: string;
}

export interface SpecOperation {
  method: string;
  path: string;
  parameters: Obj[];
  requestBody?: Obj;
}

const JUNK_STRINGS = [
  '',
  'abc',
  '1',
  '-1',
  '0',
  '1.5',
  'true',
  'null',
  'a,b',
  'a b',
  '2020-01-01',
  '2020-01-01T00:00:00Z',
  'x@example.com',
  'not-an-email',
  '%',
  'é',
  'a'.repeat(300),
  '[1]',
  '{"a":1}',
];

export function resolve(doc: Obj, node: any, depth = 0): any {
  while (node && typeof node === 'object' && typeof node.$ref === 'string' && depth++ < 20) {
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((n: any, t: string) => n?.[t.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}

export function operationsOf(doc: Obj): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolve(doc, rawItem);
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item?.[method];
      if (!op) continue;
      const own = (op.parameters ?? []).map((p: Obj) => resolve(doc, p));
      const shared = (item.parameters ?? [])
        .map((p: Obj) => resolve(doc, p))
        .filter((p: Obj) => !own.some((o: Obj) => o.name === p.name && o.in === p.in));
      out.push({ method: method.toUpperCase(), path, parameters: [...own, ...shared], requestBody: resolve(doc, op.requestBody) });
    }
  }
  return out;
}

/** A value for `schema`: valid most of the time, junk otherwise. */
export function valueArb(doc: Obj, schemaIn: any, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, schemaIn) ?? {};
  const junk = fc.oneof(
    fc.constantFrom<unknown>(...JUNK_STRINGS),
    fc.integer({ min: -3, max: 1000 }),
    fc.constantFrom<unknown>(null, true, false, 1.5, [], {}),
  );
  if (depth > 3) return junk;
  return fc.oneof({ weight: 6, arbitrary: validishArb(doc, schema, depth) }, { weight: 1, arbitrary: junk });
}

function validishArb(doc: Obj, schema: Obj, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const options = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(options) && options.length) return fc.oneof(...options.map((s: Obj) => valueArb(doc, s, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    const merged: Obj = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf.map((s: Obj) => resolve(doc, s))) {
      Object.assign(merged.properties, part?.properties ?? {});
      merged.required.push(...(part?.required ?? []));
      if (part?.type && part.type !== 'object') merged.type = part.type;
    }
    return validishArb(doc, merged, depth);
  }
  const type = Array.isArray(schema.type)
    ? schema.type.find((t: string) => t !== 'null')
    : (schema.type ?? (schema.properties ? 'object' : undefined));
  switch (type) {
    case 'integer':
      return fc.integer({
        min: typeof schema.minimum === 'number' ? schema.minimum - 1 : -2,
        max: typeof schema.maximum === 'number' ? schema.maximum + 1 : 120,
      });
    case 'number':
      return fc.oneof(fc.integer({ min: -2, max: 120 }), fc.constantFrom(0.5, 4.25));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArb(schema);
    case 'array':
      return fc.array(valueArb(doc, schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object':
      return objectArb(doc, schema, depth);
    default:
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer());
  }
}

function stringArb(schema: Obj): fc.Arbitrary<unknown> {
  const samples: string[] = [];
  for (const key of ['default', 'example']) if (typeof schema[key] === 'string') samples.push(schema[key]);
  if (Array.isArray(schema.examples)) samples.push(...schema.examples.filter((e: unknown) => typeof e === 'string'));
  const byFormat: Record<string, string[]> = {
    email: ['pam@dm.com', 'nope'],
    'date-time': ['2024-05-01T10:00:00Z', '2024-13-01T10:00:00Z'],
    date: ['2024-05-01', '2024-5-1'],
    uuid: ['3fa85f64-5717-4562-b3fc-2c963f66afa6', 'not-a-uuid'],
    uri: ['https://example.com/x', 'not a uri'],
    'uri-reference': ['/x', 'about:blank'],
  };
  samples.push(...(byFormat[schema.format] ?? []));
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength + 2, 40) : 12;
  const plain = fc.stringMatching(/^[A-Za-z0-9_.-]*$/).filter((s) => s.length >= Math.max(0, min - 1) && s.length <= max);
  return samples.length ? fc.oneof(fc.constantFrom(...samples), plain) : plain;
}

function objectArb(doc: Obj, schema: Obj, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries((schema.properties ?? {}) as Obj);
  const required = new Set<string>(schema.required ?? []);
  const entries = props.map(([name, s]) =>
    fc.tuple(
      fc.constant(name),
      fc.oneof(
        { weight: required.has(name) ? 8 : 2, arbitrary: valueArb(doc, s, depth + 1) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
    ),
  );
  const extra = fc.option(fc.tuple(fc.constantFrom('extra', 'unexpected_field'), fc.constantFrom<unknown>(1, 'x')), { freq: 6 });
  return fc.tuple(fc.tuple(...entries), extra).map(([pairs, more]) => {
    const value: Obj = {};
    for (const [name, v] of pairs) if (v !== undefined) value[name] = v;
    if (more) value[more[0]] = more[1];
    return value;
  });
}

const serialize = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A request to `op`: parameters serialized by style, a body in a documented (or undocumented) media type. */
export function requestArb(doc: Obj, op: SpecOperation): fc.Arbitrary<DiffRequest> {
  const params = op.parameters.filter((p) => p && ['path', 'query', 'header'].includes(p.in));
  const paramArbs = params.map((p) =>
    fc.tuple(
      fc.constant(p),
      p.in === 'path' ? valueArb(doc, p.schema ?? {}) : fc.option(valueArb(doc, p.schema ?? {}), { freq: 3 }),
      fc.constantFrom('plain', 'plain', 'plain', 'comma', 'repeat', 'raw'),
    ),
  );
  const content = op.requestBody?.content ? Object.keys(op.requestBody.content) : [];
  const bodyArb = content.length
    ? fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .tuple(
              fc.constantFrom(...content),
              valueArb(doc, op.requestBody!.content[content[0]]?.schema ?? {}),
              fc.constantFrom('', '; charset=utf-8'),
            )
            .map(([type, value, suffix]) => ({ type: type + suffix, value })),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constant({ type: 'application/json', value: 'not json at all' as unknown }) },
      )
    : fc.constant(undefined);
  const extraQuery = fc.option(fc.constantFrom('unknown=1', 'debug=', 'a[b]=1'), { freq: 6 });
  return fc.tuple(fc.tuple(...paramArbs), bodyArb, extraQuery).map(([values, body, extra]) => {
    let path = op.path;
    const query: string[] = [];
    const headers: Record<string, string> = {};
    const labels: string[] = [];
    for (const [p, value, how] of values) {
      if (value === null || value === undefined) continue;
      labels.push(`${p.in}:${p.name}`);
      const enc = (v: unknown) => (how === 'raw' ? serialize(v).replace(/ /g, '%20') : encodeURIComponent(serialize(v)));
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(serialize(value)) || '%20');
      else if (p.in === 'header')
        headers[p.name] = Array.isArray(value) ? value.map(serialize).join(',') : serialize(value).replace(/[^\x20-\x7e]/g, '');
      else if (Array.isArray(value) && how === 'repeat') for (const v of value) query.push(`${encodeURIComponent(p.name)}=${enc(v)}`);
      else if (Array.isArray(value)) query.push(`${encodeURIComponent(p.name)}=${value.map((v) => enc(v)).join(',')}`);
      else query.push(`${encodeURIComponent(p.name)}=${enc(value)}`);
    }
    if (extra) query.push(extra);
    path = path.replace(/\{[^}]+\}/g, '1');
    const request: DiffRequest = {
      method: op.method,
      path: path + (query.length ? `?${query.join('&')}` : ''),
      headers,
      label: `${op.method} ${op.path} [${labels.join(' ')}]`,
    };
    if (body) {
      request.headers['content-type'] = body.type;
      const base = body.type.split(';')[0];
      if (base === 'application/x-www-form-urlencoded' && body.value && typeof body.value === 'object' && !Array.isArray(body.value)) {
        request.body = new URLSearchParams(Object.entries(body.value as Obj).map(([k, v]) => [k, serialize(v)])).toString();
      } else if (/json/.test(base) && body.value !== 'not json at all') request.body = JSON.stringify(body.value);
      else request.body = serialize(body.value);
    }
    return request;
  });
}

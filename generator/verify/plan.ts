/**
 * The probe plan: per operation the valid requests, one invalid request per broken input, a
 * not-found request; per path the methods it lacks; and a few unknown routes. The plan is cut to
 * --max-requests fairly (round-robin over operations, so a cut plan still touches every operation)
 * and DELETEs run last, so a deleted example resource does not turn later valid probes into 404s.
 */
import type { ModelOperation } from '../model/types.js';
import { buildInputs, serializeParam, type OperationInputs } from './inputs.js';
import { bodyMutations, scalarViolations } from './mutate.js';
import { sampleSchema } from './sample.js';
import { encodeBody, wireContentType } from './encode-body.js';
import type { Random } from './prng.js';
import type { SchemaValidator } from './schemas.js';
import type { Probe, ProbeKind, ProbeRequest } from './types.js';
import { securityProbes } from './security-probes.js';

type Obj = Record<string, unknown>;
type Draft = Omit<Probe, 'index'>;

export interface PlanOptions {
  document: Obj;
  operations: ModelOperation[];
  baseUrl: string;
  /** Sent with every request (auth). */
  headers: Record<string, string>;
  random: Random;
  validator: SchemaValidator;
  maxRequests: number;
}

export const OVERSIZED_BYTES = 2 * 1024 * 1024;
const PROBED_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function planProbes(options: PlanOptions): { probes: Probe[]; planned: number; notes: string[] } {
  const notes: string[] = [];
  const groups = options.operations.map((op) => {
    const inputs = buildInputs(options.document, op, options.random, options.validator);
    notes.push(...inputs.notes.map((n) => `${op.key}: ${n}`));
    return operationProbes(options, op, inputs);
  });
  groups.push(pathProbes(options), unknownRouteProbes(options));
  const all = interleave(groups);
  const kept = all.slice(0, options.maxRequests);
  const ordered = [...kept.filter((p) => p.request.method !== 'DELETE'), ...kept.filter((p) => p.request.method === 'DELETE')];
  return { probes: ordered.map((p, index) => ({ ...p, index })), planned: all.length, notes };
}

function operationProbes(options: PlanOptions, op: ModelOperation, inputs: OperationInputs): Draft[] {
  const { validator, document } = options;
  const out: Draft[] = [];
  const make = (kind: ProbeKind, label: string, change: Partial<Build> = {}) =>
    out.push(buildProbe(options, op, inputs, kind, label, change));
  make('valid', 'valid request');
  out.push(...securityProbes(document, op, out[0]));
  const generatedBody = inputs.body && JSON.stringify(inputs.body.generated) !== JSON.stringify(inputs.body.value);
  if (generatedBody) make('valid', 'valid request (generated body)', { body: inputs.body!.generated });
  for (const input of inputs.params) {
    const where = `${input.param.in}.${input.param.name}`;
    if (input.param.required && input.param.in !== 'path')
      make('invalid', `${where}: required parameter missing`, { params: { [where]: undefined } });
    if (!input.schemaPointer) continue;
    for (const m of scalarViolations(document, { $ref: input.schemaPointer })) {
      const wire = serializeParam(m.value);
      if (wire === '' || !validator.validateParam(input.schemaPointer, wire).length) continue;
      make('invalid', `${where}: ${m.label}`, { params: { [where]: m.value } });
    }
  }
  // An operation that documents no client error cannot reject anything correctly; lint reports that
  // hole, so verify does not probe it with the one invalid request that applies to every operation.
  if (op.responses.some((r) => r.status.startsWith('4') || r.status === 'default')) {
    make('invalid', 'query: unknown parameter', { extraQuery: { [`faultline_unknown_${options.random.hex(4)}`]: '1' } });
  }
  if (inputs.body?.json) {
    const { schemaPointer, value } = inputs.body;
    if (op.requestBody?.required) make('invalid', 'body: required body missing', { rawBody: null });
    for (const m of schemaPointer ? bodyMutations(document, { $ref: schemaPointer }, value) : []) {
      if (validator.validate(schemaPointer!, m.value).length) make('invalid', m.label, { body: m.value });
    }
    make('invalid', 'body: malformed JSON', { rawBody: '{"faultline": "unterminated' });
    if (!op.requestBody!.contentTypes.some((t) => /^(text\/plain|text\/\*|\*\/\*)/.test(t)))
      make('invalid', 'body: wrong content type text/plain', { rawBody: 'faultline', contentType: 'text/plain' });
    make('invalid', 'body: oversized (2 MB)', {
      rawBody: `{"faultline":"${'x'.repeat(OVERSIZED_BYTES)}"}`,
      curlBody: `{"faultline":"<2 MB of x>"}`,
    });
  }
  const missing = notFoundValues(options, inputs);
  if (missing) make('not_found', 'unlikely id in the path', { params: missing });
  return out;
}

/** Valid path values that almost certainly name nothing, or undefined when none can be made. */
function notFoundValues(options: PlanOptions, inputs: OperationInputs): Record<string, unknown> | undefined {
  const pathInputs = inputs.params.filter((p) => p.param.in === 'path');
  if (!pathInputs.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const input of pathInputs) {
    const r = options.random;
    const candidates = [
      987654321 + r.int(0, 999),
      `faultline-missing-${r.hex(6)}`,
      `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-b${r.hex(3)}-${r.hex(12)}`,
      `zz${r.hex(6)}`,
      String(r.int(90000, 99999)),
    ];
    if (input.schemaPointer)
      candidates.push(
        sampleSchema({ document: options.document, random: r, direction: 'request' }, { type: 'string', maxLength: 3 }) as string,
      );
    const fit = candidates.find((c) => !input.schemaPointer || !options.validator.validateParam(input.schemaPointer, String(c)).length);
    if (fit === undefined || String(fit) === String(input.value)) return undefined;
    out[`path.${input.param.name}`] = fit;
  }
  return out;
}

interface Build {
  params: Record<string, unknown>;
  extraQuery: Record<string, string>;
  body: unknown;
  /** null: send no body at all. */
  rawBody: string | null;
  contentType: string;
  curlBody: string;
}

function buildProbe(
  options: PlanOptions,
  op: ModelOperation,
  inputs: OperationInputs,
  kind: ProbeKind,
  label: string,
  change: Partial<Build>,
): Draft {
  const values = new Map(inputs.params.map((p) => [`${p.param.in}.${p.param.name}`, p.value]));
  for (const [key, v] of Object.entries(change.params ?? {})) values.set(key, v);
  const headers: Record<string, string> = { ...options.headers };
  const query = new URLSearchParams();
  let path = op.path;
  for (const input of inputs.params) {
    const key = `${input.param.in}.${input.param.name}`;
    if (!values.has(key) || values.get(key) === undefined) continue;
    const wire = serializeParam(values.get(key));
    if (input.param.in === 'path') path = path.split(`{${input.param.name}}`).join(encodeURIComponent([wire].flat().join(',')));
    else if (input.param.in === 'query') [wire].flat().forEach((w) => query.append(input.param.name, w));
    else headers[input.param.name] = [wire].flat().join(',');
  }
  for (const [k, v] of Object.entries(change.extraQuery ?? {})) query.append(k, v);
  const request: ProbeRequest = { method: op.method.toUpperCase(), url: joinUrl(options.baseUrl, path, query), headers };
  const body = bodyText(options, inputs, change);
  if (body !== undefined) {
    request.body = body;
    headers['Content-Type'] = change.contentType ?? wireContentType(inputs.body!.contentType);
  }
  return { operation: op.key, kind, label, request, curlBody: change.curlBody };
}

function bodyText(options: PlanOptions, inputs: OperationInputs, change: Partial<Build>): string | undefined {
  if (change.rawBody === null || !inputs.body) return undefined;
  if (change.rawBody !== undefined) return change.rawBody;
  const value = 'body' in change ? change.body : inputs.body.value;
  return encodeBody(options.document, inputs.body.schemaPointer, value, inputs.body.contentType, inputs.body.json);
}

/** Methods each path lacks, sent with the first operation's valid path values. */
function pathProbes(options: PlanOptions): Draft[] {
  const byPath = new Map<string, ModelOperation[]>();
  for (const op of options.operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const out: Draft[] = [];
  for (const [path, ops] of byPath) {
    const inputs = buildInputs(options.document, ops[0], options.random, options.validator);
    const template = buildProbe(options, ops[0], { ...inputs, body: undefined }, 'wrong_method', '', {});
    for (const method of PROBED_METHODS.filter((m) => !ops.some((o) => o.method === m))) {
      const url = new URL(template.request.url);
      url.search = '';
      out.push({
        operation: `* ${path}`,
        kind: 'wrong_method',
        label: `method ${method.toUpperCase()} not in the spec for this path`,
        request: { method: method.toUpperCase(), url: url.href, headers: { ...options.headers } },
      });
    }
  }
  return out;
}

function unknownRouteProbes(options: PlanOptions): Draft[] {
  const r = options.random;
  const prefix = options.operations[0]?.path
    .split('/')
    .filter(Boolean)
    .find((s) => !s.includes('{'));
  const paths = [`/faultline-unknown-${r.hex(8)}`, `${prefix ? `/${prefix}` : ''}/faultline-unknown-${r.hex(8)}/${r.hex(4)}/${r.hex(4)}`];
  const free = paths.filter((p) => !options.operations.some((op) => new RegExp(op.pattern).test(p)));
  return free.map((p) => ({
    operation: '* (unknown route)',
    kind: 'unknown_route',
    label: 'a route the spec does not have',
    request: { method: 'GET', url: joinUrl(options.baseUrl, p, new URLSearchParams()), headers: { ...options.headers } },
  }));
}

function joinUrl(base: string, path: string, query: URLSearchParams): string {
  const q = query.toString();
  return base.replace(/\/+$/, '') + path + (q ? `?${q}` : '');
}

function interleave<T>(groups: T[][]): T[] {
  const out: T[] = [];
  for (let round = 0; groups.some((g) => round < g.length); round++) for (const g of groups) if (round < g.length) out.push(g[round]);
  return out;
}

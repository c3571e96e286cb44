/**
 * Type expressions for handlers.gen.ts, built from identifiers and literals only. Every type points
 * into openapi-typescript's `paths` so the handler types follow types.gen.ts exactly.
 */
import { literal } from './safe-text.js';
import { pascalCase, safeIdentifier } from '../model/identifiers.js';
import type { ModelOperation, ModelResponse } from '../model/types.js';
import { pathsTypeFor } from './extra-method-types.js';
import { receivedBodyType } from './body-types.js';

export interface HandlerTypes {
  typeName: string;
  paramsType: string;
  queryType: string;
  headersType: string;
  bodyType: string;
  results: string[];
  /** The documented error bodies keyed by status (`404`, `"4XX"`, `default`): the type of `input.fail`. */
  errorsType: string;
  /** What `fail` accepts, spelled out (`400 | 404 | rt.Status5XX`) so compile errors list it; `never` when nothing is documented. */
  failStatusType: string;
}

export function handlerTypes(op: ModelOperation): HandlerTypes {
  const base = `${pathsTypeFor(op.method)}[${literal(op.path)}][${literal(op.method)}]`;
  const has = (where: string) => op.params.some((p) => p.in === where);
  return {
    typeName: safeIdentifier(pascalCase(op.name), 'Operation'),
    paramsType: op.pathParams.length || has('path') ? `${base}["parameters"]["path"]` : 'never',
    queryType: has('query') ? `${base}["parameters"]["query"]` : 'never',
    headersType: has('header') ? `${base}["parameters"]["header"]` : 'never',
    bodyType: bodyType(op, base),
    errorsType: errorsType(op, base),
    failStatusType: failStatusType(op),
    results: op.responses.length
      ? op.responses.flatMap((r) => resultTypes(r, base))
      : ['{ status: number; body?: unknown; headers?: Record<string, string> }'],
  };
}

function bodyType(op: ModelOperation, base: string): string {
  if (!op.requestBody || op.requestBody.contentTypes.length === 0) return 'undefined';
  // what the runtime's parser hands over for each media type (body-types.ts), not only what the schema says
  const members = op.requestBody.contentTypes.map((ct) =>
    receivedBodyType(ct, `NonNullable<${base}["requestBody"]>["content"][${literal(ct)}]`, op.requestBody!.multipart),
  );
  const union = [...new Set(members)].join(' | ');
  return op.requestBody.required ? union : `${union} | undefined`;
}

function resultTypes(response: ModelResponse, base: string): string[] {
  const status = statusType(response.status);
  const key = /^\d+$/.test(response.status) ? response.status : literal(response.status);
  const headers = 'headers?: Record<string, string>';
  if (response.contents.length === 0) return [`{ status: ${status}; body?: undefined; ${headers} }`];
  return response.contents.map((c, i) => {
    const contentType = `contentType${i === 0 ? '?' : ''}: ${literal(c.contentType)}`;
    const documented = `${base}["responses"][${key}]["content"][${literal(c.contentType)}]`;
    // a sequential body is sent item by item from a list or an async iterable (runtime/serialize.ts)
    const body = SEQUENTIAL.test(c.contentType) ? `rt.Sequence<${documented}>` : documented;
    return `{ status: ${status}; ${contentType}; body: ${body}; ${headers} }`;
  });
}

/** Media types whose body the runtime streams item by item (server-sent events, JSON Lines, JSON text sequences). */
const SEQUENTIAL = /^\s*(text\/event-stream|application\/(jsonl|x-ndjson|x-jsonlines|json-seq))\s*(;|$)/i;

function statusType(status: string): string {
  if (/^\d+$/.test(status)) return status;
  if (status === '2XX') return 'rt.Status2XX';
  if (status === '4XX') return 'rt.Status4XX';
  if (status === '5XX') return 'rt.Status5XX';
  return 'number';
}

/** `{ 404: Body; "4XX": Body; default: Body }` over the error responses; `undefined` where there is no content. */
function errorsType(op: ModelOperation, base: string): string {
  const members = op.responses
    .filter((r) => r.isError)
    .map((r) => {
      const key = /^\d+$/.test(r.status) ? r.status : literal(r.status);
      const body =
        r.contents.length === 0
          ? 'undefined'
          : r.contents.map((c) => `${base}["responses"][${key}]["content"][${literal(c.contentType)}]`).join(' | ');
      return `${key}: ${body}`;
    });
  return members.length ? `{ ${members.join('; ')} }` : 'Record<never, never>';
}

/** Exact statuses first, then the ranges: `4XX` -> 400..499, `5XX` -> 500..599, `default` -> both (errors only). */
function failStatusType(op: ModelOperation): string {
  const errors = op.responses.filter((r) => r.isError).map((r) => r.status);
  const parts = errors.filter((s) => /^\d+$/.test(s));
  const has = (s: string) => errors.includes(s);
  if (has('4XX') || has('default')) parts.push('rt.Status4XX');
  if (has('5XX') || has('default')) parts.push('rt.Status5XX');
  return parts.length ? parts.join(' | ') : 'never';
}

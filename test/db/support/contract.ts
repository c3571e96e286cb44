/**
 * Checks a response against the service's own bundled spec (output/<svc>/generated/openapi.json):
 * the status is documented for the operation, the content type is the documented one, and the body
 * validates against the documented schema with Ajv. Every error response in test/db goes through
 * expectDocumented, so a body that merely "looks right" does not pass.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { Reply } from './http.js';

export type Service = 'users' | 'things';

interface Located {
  /** JSON pointer (as a URI fragment) of the response object inside the spec. */
  pointer: string;
  response: { content?: Record<string, unknown>; headers?: Record<string, unknown> };
}

const loaded = new Map<Service, { spec: Record<string, any>; ajv: Ajv2020 }>();

function load(service: Service) {
  let entry = loaded.get(service);
  if (!entry) {
    const spec = JSON.parse(readFileSync(new URL(`../../../output/${service}/generated/openapi.json`, import.meta.url), 'utf8'));
    // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (example, xml...).
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema(spec, 'spec');
    entry = { spec, ajv };
    loaded.set(service, entry);
  }
  return entry;
}

/** The documented response of `METHOD path` for a status (exact, range, default), `$ref` followed. */
export function documentedResponse(service: Service, method: string, path: string, status: number): Located | undefined {
  const { spec } = load(service);
  const base = `#/paths/${escapeToken(path)}/${method.toLowerCase()}/responses`;
  const responses = spec.paths[path]?.[method.toLowerCase()]?.responses ?? {};
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
  if (!key) return undefined;
  const raw = responses[key];
  const pointer: string = raw.$ref ?? `${base}/${escapeToken(key)}`;
  const response = pointer
    .slice(2)
    .split('/')
    .map(unescapeToken)
    .reduce((node: any, k: string) => node[k], spec);
  return { pointer, response };
}

/**
 * Asserts that `reply` is the documented `status` of `METHOD path` (the OpenAPI path template,
 * e.g. '/user/{username}'), with the documented content type and a schema-valid body; returns the body.
 */
export function expectDocumented(service: Service, method: string, path: string, status: number, reply: Reply): any {
  expect(reply.status, `status of ${method} ${path}; body ${reply.text}`).toBe(status);
  const located = documentedResponse(service, method, path, status);
  expect(located, `${method} ${path} documents ${status}`).toBeDefined();
  const contentType = Object.keys(located!.response.content ?? {})[0];
  if (!contentType) {
    expect(reply.text).toBe('');
    return undefined;
  }
  expect(reply.headers.get('content-type')?.split(';')[0].trim()).toBe(contentType);
  const ref = `spec${located!.pointer}/content/${escapeToken(contentType)}/schema`;
  const { ajv } = load(service);
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  const body = JSON.parse(reply.text);
  expect(validate(body), `${method} ${path} ${status}: ${reply.text} fails ${JSON.stringify(validate.errors)}`).toBe(true);
  return body;
}

/** What no error body may contain: database text that would leak table names, SQL or values. */
export const DATABASE_TEXT =
  /violates|constraint|relation|syntax|SQL|pg_|users_|things_|fault_|duplicate key|out of range for|terminating|PGlite/i;

function escapeToken(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeToken(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

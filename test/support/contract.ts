/**
 * Checks real responses against a spec: the status is documented for the operation (exact, range,
 * default), the content type is a documented one, and the body validates against the documented
 * schema (ajv, OpenAPI 3.0 and 3.1 aware). Shares the IR and the validator with `faultline verify`.
 */
import { expect } from 'vitest';
import { buildModel } from '../../generator/model/operations.js';
import type { ModelOperation } from '../../generator/model/types.js';
import { createSchemaValidator } from '../../generator/verify/schemas.js';
import { matchResponse, mediaTypeMatches } from '../../generator/verify/checks.js';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

export function contractChecker(document: Record<string, unknown>) {
  const { model } = buildModel(document);
  const validator = createSchemaValidator(document);
  const find = (method: string, path: string): ModelOperation => {
    const op = model.operations.find((o) => o.method === method.toLowerCase() && o.path === path);
    if (!op) throw new Error(`no operation ${method} ${path}`);
    return op;
  };
  return {
    /** Asserts the reply is the documented `status` of `METHOD path` and returns the parsed body. */
    expectDocumented(method: string, path: string, status: number, reply: Reply): any {
      expect(reply.status, `${method} ${path}: ${reply.text.slice(0, 300)}`).toBe(status);
      const documented = matchResponse(find(method, path), status);
      expect(documented, `${method} ${path} documents ${status}`).toBeDefined();
      if (!documented!.contents.length) {
        expect(reply.text).toBe('');
        return undefined;
      }
      const type = reply.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
      const content = documented!.contents.find((c) => mediaTypeMatches(c.contentType, type));
      expect(content, `content type ${type} is documented for ${method} ${path} ${status}`).toBeDefined();
      const body = JSON.parse(reply.text);
      if (content!.schemaPointer)
        expect(validator.validate(content!.schemaPointer, body), `${method} ${path} ${status} body ${reply.text}`).toEqual([]);
      return body;
    },
    /** The service-level response (unknown route, wrong method) must match one of the spec's error schemas. */
    expectSomeErrorSchema(reply: Reply): any {
      const body = JSON.parse(reply.text);
      const pointers = new Set(
        model.operations.flatMap(
          (o) =>
            o.responses
              .filter((r) => r.isError)
              .map((r) => r.errorContent?.schemaPointer)
              .filter(Boolean) as string[],
        ),
      );
      const valid = [...pointers].some((p) => validator.validate(p, body).length === 0);
      expect(valid, `body ${reply.text} matches one of the spec's error schemas`).toBe(true);
      return body;
    },
  };
}

/** No stack frame, no file path, no SQL in a body. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/\bat .*\(?[\w/.-]+:\d+:\d+\)?/);
  expect(text).not.toMatch(/node_modules|\/work\/|\.ts:\d+/);
  expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET|WHERE)\b/i);
}

export async function send(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

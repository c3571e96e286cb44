/**
 * The checks: one exchange in, the broken checks out. Which checks apply depends on why the probe
 * was sent (its kind): conformance to the documented response applies to every request aimed at an
 * operation, the rejection checks only to invalid ones, the method and route checks to theirs.
 */
import type { ModelOperation, ModelResponse } from '../model/types.js';
import { isJsonType } from './inputs.js';
import { findLeaks } from './leaks.js';
import type { SchemaValidator } from './schemas.js';
import { codesIn } from '../model/recipe/codes.js';
import { coveringStatus } from '../../templates/runtime/status-cover.js';
import { contradicts } from '../model/recipe/meanings.js';
import type { CheckName, Exchange, ResponseSummary } from './types.js';
import { securityChecks } from './security-probes.js';

export interface Violation {
  check: CheckName;
  message: string;
}

export interface CheckContext {
  validator: SchemaValidator;
  operations: Map<string, ModelOperation>;
  /** Upper-case methods the spec has for each path, keyed by OpenAPI path. */
  methodsByPath: Map<string, string[]>;
}

export function runChecks(exchange: Exchange, ctx: CheckContext): Violation[] {
  const { probe, response } = exchange;
  if (!response) return [{ check: 'response_received', message: exchange.error ?? 'no response' }];
  const out: Violation[] = [];
  const leaks = findLeaks(response.headers, exchange.fullBody ?? response.body);
  if (leaks.length) out.push({ check: 'no_leaks', message: leaks.map((l) => `${l.kind}: ${l.excerpt}`).join('; ') });
  const s = response.status;
  if (probe.kind === 'wrong_method') out.push(...methodChecks(response, ctx.methodsByPath.get(probe.operation.slice(2)) ?? []));
  if (probe.kind === 'unknown_route' && s !== 404) out.push({ check: 'unknown_route_rejected', message: `answered ${s}, expected 404` });
  if (probe.kind === 'invalid' && s >= 500)
    out.push({
      check: 'no_server_error_for_invalid_input',
      message: `answered ${s} to invalid input that should fail with a documented 4xx (${probe.label})`,
    });
  if (probe.kind === 'not_found' && s >= 500)
    out.push({
      check: 'no_server_error_for_invalid_input',
      message: `answered ${s} for an id that names nothing; expected a documented 4xx such as 404`,
    });
  if (probe.kind === 'invalid' && s >= 200 && s < 300)
    out.push({ check: 'invalid_input_rejected', message: `accepted invalid input with ${s} (${probe.label})` });
  const op = ctx.operations.get(probe.operation);
  if (probe.kind === 'unauthenticated') out.push(...securityChecks(op, probe, response));
  if (op) out.push(...conformance(op, exchange, ctx.validator));
  return out;
}

function methodChecks(response: ResponseSummary, specMethods: string[]): Violation[] {
  if (response.status !== 405)
    return [
      {
        check: 'unsupported_method',
        message: `answered ${response.status}, expected 405 (the spec has ${specMethods.join(', ')} for this path)`,
      },
    ];
  const allow = response.headers.allow;
  if (allow === undefined)
    return [{ check: 'allow_header', message: `405 without an Allow header; expected Allow: ${specMethods.join(', ')}` }];
  const got = allow
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  // HEAD comes free with GET in most frameworks, and OPTIONS is answered by CORS layers.
  const tolerated = new Set([...specMethods, 'OPTIONS', ...(specMethods.includes('GET') ? ['HEAD'] : [])]);
  const missing = specMethods.filter((m) => !got.includes(m));
  const extra = got.filter((m) => !tolerated.has(m));
  if (!missing.length && !extra.length) return [];
  const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not in the spec: ${extra.join(', ')}` : ''].filter(
    Boolean,
  );
  return [{ check: 'allow_header', message: `Allow: ${allow} (${parts.join('; ')}); expected ${specMethods.join(', ')}` }];
}

/** The documented response for a status: exact, then range (4XX), then default. */
export function matchResponse(op: ModelOperation, status: number): ModelResponse | undefined {
  const key = coveringStatus(
    op.responses.map((r) => r.status),
    status,
  );
  return op.responses.find((r) => r.status === key);
}

function conformance(op: ModelOperation, exchange: Exchange, validator: SchemaValidator): Violation[] {
  const response = exchange.response!;
  const documented = matchResponse(op, response.status);
  if (!documented) {
    return [
      {
        check: 'status_documented',
        message: `${response.status} is not documented; the operation documents ${op.responses.map((r) => r.status).join(', ')}`,
      },
    ];
  }
  if (!documented.contents.length) {
    if (response.bodyBytes <= 0) return [];
    const got = `${response.bodyBytes} bytes of ${response.contentType ?? 'untyped content'}`;
    return [{ check: 'content_type_documented', message: `${documented.status} documents no body, got ${got}` }];
  }
  const listed = documented.contents.map((c) => c.contentType).join(', ');
  const content = documented.contents.find((c) => mediaTypeMatches(c.contentType, response.contentType));
  if (!content) {
    return [
      {
        check: 'content_type_documented',
        message: `content type ${response.contentType ?? '(none)'} is not documented for ${documented.status}; expected ${listed}`,
      },
    ];
  }
  if (!content.schemaPointer || !isJsonType(response.contentType ?? '')) return [];
  let body: unknown;
  try {
    body = JSON.parse(exchange.fullBody ?? '');
  } catch {
    return [{ check: 'body_schema_valid', message: `the ${response.contentType} body is not valid JSON` }];
  }
  const errors = validator.validate(content.schemaPointer, body);
  if (errors.length)
    return [{ check: 'body_schema_valid', message: `body breaks ${content.schemaPointer}: ${errors.slice(0, 3).join('; ')}` }];
  return codeChecks(body, response.status);
}

/** A valid body can still lie: `{"code": "NOT_FOUND"}` on a 500 tells the client the wrong story. */
export function codeChecks(body: unknown, status: number): Violation[] {
  if (status < 400) return [];
  return codesIn(body)
    .filter((c) => contradicts(c.value, status))
    .map((c) => ({
      check: 'code_matches_status' as const,
      message: `\`${c.field}\` is ${JSON.stringify(c.value)}, which contradicts the status ${status}`,
    }));
}

/** `application/json` matches `application/json`, `application/*` and `*\/*`; parameters are ignored. */
export function mediaTypeMatches(documented: string, actual: string | undefined): boolean {
  if (!actual) return false;
  const [dType, dSub] = documented.split(';')[0].trim().toLowerCase().split('/');
  const [aType, aSub] = actual.split('/');
  return (dType === '*' || dType === aType) && (dSub === '*' || dSub === aSub);
}

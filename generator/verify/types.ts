/**
 * The data `verify` works on: probes (requests derived from the spec), the responses they got,
 * findings (broken checks) and the report. Plain JSON so the report file is just this object.
 */

/** Why a probe was sent, which decides what a correct answer looks like. */
export type ProbeKind = 'valid' | 'invalid' | 'not_found' | 'unknown_route' | 'wrong_method' | 'unauthenticated';

/** Stable check names: users grep for them, CI filters on them. Never rename one. */
export const CHECKS = {
  status_documented: 'the status is documented for the operation (exactly, by range or by default)',
  content_type_documented: 'the content type is one the documented response lists',
  body_schema_valid: 'the body is valid against the documented schema',
  code_matches_status: "the body's code does not contradict its status (no NOT_FOUND on a 500)",
  allow_header: 'a 405 carries an Allow header listing exactly the methods the spec has for the path',
  unsupported_method: 'a method the path does not have is answered 405',
  unknown_route_rejected: 'a route the spec does not have is answered 404',
  no_server_error_for_invalid_input: 'invalid input is never answered 5xx',
  invalid_input_rejected: 'invalid input is never answered 2xx',
  no_leaks: 'no stack frames, file paths, node_modules, SQL errors or X-Powered-By in bodies or headers',
  response_received: 'the service answers within the timeout without dropping the connection',
  secured_rejects_unauthenticated:
    'a secured operation answers its documented 401 to requests without valid credentials (none, malformed, made-up)',
} as const;
export type CheckName = keyof typeof CHECKS;

export interface ProbeRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Probe {
  /** Position in the plan: findings are reported in this order whatever the concurrency. */
  index: number;
  /** Operation key ("POST /user/"), or "* /path" for other methods, or "* (unknown route)". */
  operation: string;
  kind: ProbeKind;
  /** What was done to the request, e.g. "body.email: violates format email". */
  label: string;
  request: ProbeRequest;
  /** The curl command shows this instead of the body (a 2 MB body does not belong in a report). */
  curlBody?: string;
}

export interface ResponseSummary {
  status: number;
  /** Media type without parameters, lower case; undefined when the header is absent. */
  contentType?: string;
  headers: Record<string, string>;
  /** First `BODY_LIMIT` characters. */
  body: string;
  bodyBytes: number;
  durationMs: number;
}

export interface Exchange {
  probe: Probe;
  response?: ResponseSummary;
  /** The full body, kept only while checking (never in the report). */
  fullBody?: string;
  /** Transport failure: timeout, reset, refused. */
  error?: string;
}

export interface Finding {
  check: CheckName;
  operation: string;
  /** The response status, 0 when no response arrived. */
  status: number;
  message: string;
  probe: { kind: ProbeKind; label: string };
  request: ProbeRequest;
  response?: ResponseSummary;
  curl: string;
  /** How many probes broke this check with this operation and status; the first one is shown. */
  occurrences: number;
}

export type CellState = 'documented' | 'observed' | 'violated' | 'undocumented';

export interface MatrixCell {
  documented: boolean;
  /** Responses whose status falls on this column. */
  observed: number;
  /** Findings (counting occurrences) on this column. */
  violations: number;
  state: CellState;
}

export interface MatrixRow {
  operation: string;
  cells: Record<string, MatrixCell>;
}

export interface OperationCoverage {
  operation: string;
  /** Documented error statuses ('400', '4XX', 'default'). */
  documentedErrors: string[];
  observedErrors: string[];
  neverObserved: string[];
  /** Statuses seen that the operation does not document. */
  undocumented: number[];
  requests: number;
}

export interface Report {
  tool: 'faultline verify';
  spec: { title: string; version: string; openapi: string };
  baseUrl: string;
  seed: number;
  requests: number;
  /** Probes derived before --max-requests cut the plan. */
  planned: number;
  durationMs: number;
  checks: Record<CheckName, number>;
  findings: Finding[];
  coverage: OperationCoverage[];
  matrix: { columns: string[]; rows: MatrixRow[] };
}

export const BODY_LIMIT = 2000;

/**
 * Every problem faultline finds in a spec becomes a Diagnostic. They are collected, never thrown,
 * so one run reports all of them; only the CLI prints them.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable SCREAMING_SNAKE code from DIAGNOSTIC_CODES. */
  code: string;
  severity: Severity;
  /** JSON pointer into the (bundled) document, e.g. `#/paths/~1user~1/post`. */
  pointer: string;
  /** File the pointer lives in, relative to the working folder when possible. */
  file: string;
  /** 1-based line, 0 when unknown. */
  line: number;
  /** 1-based column, when known exactly (syntax errors). */
  column?: number;
  /** A few lines of the source around the problem, with a caret (syntax errors). */
  frame?: string;
  message: string;
  /** What to change in the spec to make the diagnostic go away. */
  fix?: string;
}

/** One table of codes, each with the message stem users will search for. */
export const DIAGNOSTIC_CODES = {
  FILE_UNREADABLE: 'cannot read the spec file',
  SYNTAX_ERROR: 'the file is not valid YAML or JSON',
  NOT_AN_OBJECT: 'the spec must be a YAML or JSON object',
  SWAGGER_2: 'a Swagger spec could not be read as OpenAPI 3 (not 2.0, or its conversion failed)',
  OPENAPI_VERSION_MISSING: 'the `openapi` field is missing',
  OPENAPI_VERSION_UNSUPPORTED: 'only OpenAPI 3.0.x, 3.1.x and 3.2.x are supported',
  REF_DANGLING: 'a $ref points at nothing',
  REF_EXTERNAL: 'a $ref leaves the spec folder or uses a URL',
  REF_MALFORMED: 'a $ref is not a valid JSON reference',
  REF_CYCLE: 'a $ref chain points at itself',
  REF_TOO_DEEP: 'a $ref chain is too long',
  INVALID_STRUCTURE: 'the spec does not match the OpenAPI schema',
  DUPLICATE_OPERATION_ID: 'two operations share an operationId',
  DUPLICATE_PATH: 'two paths are identical once parameter names are ignored',
  NO_ERROR_BODY: 'no valid error body can be built from this schema',
  CODE_WITHOUT_MEANING: 'no value of a code-like enum means this status',
  NAME_COLLISION: 'two names collide after mangling',
  NORMALIZED: 'the spec was normalized for the validator',
  TOO_LARGE: 'the spec is too large',
  REF_IN_EXTENSION: 'a $ref inside a vendor extension was left unresolved',
  SWAGGER_2_CONVERTED: 'a Swagger 2.0 spec was converted to OpenAPI 3.0',
  OPENAPI_32_LIFTED: 'an OpenAPI 3.2 part was read as the service serves it',
  CLIENT_FAILED: 'the typed client could not be generated',
  UNDOCUMENTED_CLIENT_ERROR: 'operations document no 400, 422, 4XX or default',
  UNSUPPORTED_SECURITY_SCHEME: 'a security scheme faultline cannot enforce',
  UNKNOWN_SECURITY_SCHEME: 'a security requirement names an undeclared scheme',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file;
  const fix = d.fix ? ` (fix: ${d.fix})` : '';
  const frame = d.frame
    ? '\n' +
      d.frame
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n')
    : '';
  return `${d.severity} ${where} ${d.pointer}: ${d.message}${fix}${frame}`;
}

/** The stderr form every faultline command uses for spec problems. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatDiagnostic(d) + '\n').join('');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** JSON pointer helpers (RFC 6901), written once (templates/runtime/json-pointer.ts) for generator and runtime. */
export { escapeToken as escapePointerToken, pointerOf, parsePointer } from '../templates/runtime/json-pointer.js';

/**
 * Turns express-openapi-validator's errors into Issues. Messages come from the schema (what was
 * expected), never from the input: quoted fragments the validator copies from the request are cut,
 * and path elements that are not plain names are masked.
 */
import type { Issue, IssueLocation } from './problem.js';
import { escapeToken } from './json-pointer.js';

export interface ValidatorItem {
  path?: string | undefined;
  message?: string | undefined;
  errorCode?: string | undefined;
}

/** The parts of an Ajv error that express-openapi-validator reads. */
export interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  message?: string;
  params?: {
    missingProperty?: unknown;
    additionalProperty?: unknown;
    unevaluatedProperty?: unknown;
    allowedValues?: unknown;
    [key: string]: unknown;
  };
}

const LOCATIONS: Record<string, IssueLocation> = {
  body: 'body',
  query: 'query',
  params: 'path',
  path: 'path',
  headers: 'header',
  header: 'header',
  cookies: 'cookie',
  cookie: 'cookie',
};

const SAFE_NAME = /^[A-Za-z0-9_.$@-]{1,64}$/;

export function issuesFromValidator(items: readonly ValidatorItem[] | undefined): Issue[] {
  return (items ?? []).slice(0, 50).map(rememberedIssue);
}

/**
 * The same request failure gives the same items every time (paths and messages come from the schema,
 * input is masked), and turning an item into an Issue is a handful of regexes: remembered per item,
 * bounded so a stream of distinct paths cannot grow it. Each caller gets its own copy (a
 * validationProblem hook may change what it receives).
 */
const remembered = new Map<string, Map<string, Map<string, Issue>>>();
let rememberedCount = 0;
const REMEMBERED_LIMIT = 512;

/** Keyed by path, then message, then error code: nested maps, so a lookup builds no key string. */
function rememberedIssue(item: ValidatorItem): Issue {
  const path = item.path ?? '';
  const message = item.message ?? '';
  const code = item.errorCode ?? '';
  let byMessage = remembered.get(path);
  let byCode = byMessage?.get(message);
  let issue = byCode?.get(code);
  if (!issue) {
    issue = issueFromItem(item);
    if (rememberedCount >= REMEMBERED_LIMIT) {
      remembered.clear();
      rememberedCount = 0;
      byMessage = byCode = undefined;
    }
    if (!byMessage) remembered.set(path, (byMessage = new Map()));
    if (!byCode) byMessage.set(message, (byCode = new Map()));
    byCode.set(code, issue);
    rememberedCount++;
  }
  return { ...issue, path: issue.path.slice() };
}

/**
 * Ajv errors as express-openapi-validator turns them into its items (augmentAjvErrors +
 * ajvErrorsToValidatorError), so both engines give issuesFromValidator the same input: `required`,
 * `additionalProperties` and `unevaluatedProperties` point at the property, enum messages list the
 * schema's values.
 */
export function itemsFromAjv(errors: readonly AjvErrorLike[] | null | undefined, prefix = ''): ValidatorItem[] {
  return (errors ?? []).slice(0, 50).map((e) => {
    const params = e.params ?? {};
    const named = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
    const path = prefix + (named !== undefined ? `${e.instancePath}/${String(named)}` : e.instancePath || e.schemaPath || '');
    const allowed = e.keyword === 'enum' ? (params.allowedValues as unknown[] | undefined) : undefined;
    const message = allowed ? `${e.message}: ${allowed.join(', ')}` : e.message;
    return { path, message, errorCode: `${e.keyword}.openapi.validation` };
  });
}

function issueFromItem(item: ValidatorItem): Issue {
  const tokens = splitPath(item.path ?? '');
  const location = LOCATIONS[tokens[0] ?? ''] ?? 'request';
  const path = (location === 'request' ? tokens : tokens.slice(1)).map(maskToken);
  const code = codeOf(item.errorCode, item.message);
  return {
    location,
    path,
    pointer: path.map((t) => '/' + escapeToken(t)).join(''),
    message: cleanMessage(item.message ?? 'is invalid', code),
    code,
  };
}

/** '.body.items[0].name' and '/body/items/0/name' both become ['body', 'items', 0, 'name']. */
function splitPath(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\[['"]?([^\]'"]*)['"]?\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean)
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}

function maskToken(token: string | number): string | number {
  return typeof token === 'number' || SAFE_NAME.test(token) ? token : '*';
}

const CODES: Record<string, string> = {
  required: 'REQUIRED',
  type: 'TYPE',
  format: 'FORMAT',
  enum: 'ENUM',
  const: 'CONST',
  pattern: 'PATTERN',
  minimum: 'MINIMUM',
  maximum: 'MAXIMUM',
  exclusiveMinimum: 'MINIMUM',
  exclusiveMaximum: 'MAXIMUM',
  minLength: 'MIN_LENGTH',
  maxLength: 'MAX_LENGTH',
  minItems: 'MIN_ITEMS',
  maxItems: 'MAX_ITEMS',
  uniqueItems: 'UNIQUE_ITEMS',
  minProperties: 'MIN_PROPERTIES',
  maxProperties: 'MAX_PROPERTIES',
  additionalProperties: 'UNKNOWN_FIELD',
  unevaluatedProperties: 'UNKNOWN_FIELD',
  multipleOf: 'MULTIPLE_OF',
  oneOf: 'ONE_OF',
  anyOf: 'ANY_OF',
  not: 'NOT',
  readOnly: 'READ_ONLY',
  writeOnly: 'WRITE_ONLY',
};

function codeOf(errorCode: string | undefined, message: string | undefined): string {
  const keyword = errorCode?.split('.')[0];
  if (keyword && CODES[keyword]) return CODES[keyword];
  if (message && /unknown query parameter/i.test(message)) return 'UNKNOWN_PARAMETER';
  if (message && /required/i.test(message)) return 'REQUIRED';
  return 'INVALID';
}

function cleanMessage(message: string, code: string): string {
  if (code === 'UNKNOWN_PARAMETER') return 'is not a documented query parameter';
  if (code === 'UNKNOWN_FIELD') return 'is not an allowed property';
  if (code === 'REQUIRED') return 'is required';
  // Single-quoted fragments are values the validator copied from the request; double-quoted ones come from the schema.
  return (
    message
      .replace(/'[^']*'/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300) || 'is invalid'
  );
}

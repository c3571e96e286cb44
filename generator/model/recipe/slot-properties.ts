/**
 * Which property carries which part of a Problem, decided by name and type. One table, so the
 * conventions faultline recognises are listed in one place (and in the docs from here).
 *
 * Names are compared after lower-casing and dropping `_`, `-`, `.` and spaces, so `request_id`,
 * `requestId` and `Request-ID` are the same name.
 */
import type { IssueField, ProblemSlot } from '../../../templates/runtime/recipe.js';
import { allows, type Shape } from './shape.js';

export type Hint =
  | { to: 'slot'; slot: ProblemSlot }
  | { to: 'status' }
  | { to: 'issues' }
  | { to: 'issue'; field: IssueField }
  | { to: 'issuePath'; withLocation: boolean }
  | { to: 'flag' };

export type Scope = 'problem' | 'issue';

/** Problem-level string slots. */
const PROBLEM_STRINGS: Record<string, ProblemSlot> = {
  title: 'title',
  error: 'title',
  name: 'title',
  statustext: 'title',
  reason: 'title',
  reasonphrase: 'title',
  detail: 'detail',
  details: 'detail',
  message: 'detail',
  msg: 'detail',
  description: 'detail',
  errordescription: 'detail',
  errormessage: 'detail',
  errormsg: 'detail',
  errordetail: 'detail',
  type: 'type',
  instance: 'instance',
  // A `path` (Spring's error body) names the route (the operation's path template), not a URI naming the occurrence.
  path: 'path',
  requestpath: 'path',
  requesturi: 'path',
  requestid: 'requestId',
  traceid: 'requestId',
  correlationid: 'requestId',
  xrequestid: 'requestId',
  errorid: 'requestId',
  incidentid: 'requestId',
  code: 'code',
  errorcode: 'code',
  errortype: 'code',
  errorkey: 'code',
  kind: 'code',
  timestamp: 'timestamp',
  time: 'timestamp',
  datetime: 'timestamp',
  occurredat: 'timestamp',
};

const STATUS_NAMES = new Set(['status', 'statuscode', 'httpstatus', 'httpstatuscode', 'httpcode']);
/** Integer `code` is an HTTP status in most specs (petstore's Error, Spotify). */
const INTEGER_STATUS_NAMES = new Set(['code', 'errorcode']);

const ISSUE_LISTS = new Set([
  'errors',
  'issues',
  'detail',
  'details',
  'violations',
  'validationerrors',
  'invalidfields',
  'fielderrors',
  'invalidparams',
  'problems',
  'fieldviolations',
  'causes',
  'suberrors',
  'errordetails',
  'validation',
]);

/** Issue-level string fields, for properties of an item in an issue list. */
const ISSUE_STRINGS: Record<string, IssueField> = {
  message: 'message',
  msg: 'message',
  detail: 'message',
  description: 'message',
  reason: 'message',
  errormessage: 'message',
  text: 'message',
  // `{field, problem}` and `{field, error}` items: the word for what is wrong varies more than `field` does.
  problem: 'message',
  error: 'message',
  issue: 'message',
  violation: 'message',
  errordescription: 'message',
  errordetail: 'message',
  errormsg: 'message',
  pointer: 'pointer',
  jsonpointer: 'pointer',
  instancepath: 'pointer',
  path: 'pointer',
  location: 'location',
  in: 'location',
  source: 'location',
  field: 'field',
  name: 'field',
  param: 'field',
  parameter: 'field',
  property: 'field',
  attribute: 'field',
  key: 'field',
  fieldname: 'field',
  propertyname: 'field',
  target: 'field',
  propertypath: 'where',
  code: 'code',
  type: 'code',
  errorcode: 'code',
  kind: 'code',
  rule: 'code',
  keyword: 'code',
};
const ISSUE_PATHS: Record<string, boolean> = { loc: true, location: true, path: false, fieldpath: false };

/** Booleans that say whether retrying may help; they follow the status (codes.ts, meanings.ts). */
const RETRY_FLAGS = new Set([
  'retryable',
  'retriable',
  'isretryable',
  'isretriable',
  'canretry',
  'shouldretry',
  'transient',
  'istransient',
  'temporary',
  'istemporary',
]);

/**
 * Optional objects that hold the error itself (`{error: {code, message}}`): the only optional
 * nested objects a body fills. Any other optional object (Stripe's `source`, a `meta`) is left out.
 */
const ENVELOPES = new Set(['error', 'err', 'fault', 'problem', 'errorinfo', 'errorobject', 'errorresponse']);
/** JSON:API's issue `source: {pointer, parameter}`: where in the request the issue is. */
const ISSUE_ENVELOPES = new Set(['source']);

export function isEnvelope(name: string, scope: Scope): boolean {
  return (scope === 'issue' ? ISSUE_ENVELOPES : ENVELOPES).has(normalizeName(name));
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_\-.\s]/g, '');
}

/** The slot a property feeds, or undefined when it carries nothing of the Problem. */
export function hintFor(name: string, shape: Shape, scope: Scope): Hint | undefined {
  const key = normalizeName(name);
  const stringy = allows(shape, 'string');
  const integer = allows(shape, 'integer') && !stringy;
  const array = allows(shape, 'array') && shape.types !== undefined;
  if (shape.formats.includes('date-time') && stringy) return { to: 'slot', slot: 'timestamp' };
  if (scope === 'problem' && allows(shape, 'boolean') && RETRY_FLAGS.has(key)) return { to: 'flag' };
  if (STATUS_NAMES.has(key) || (integer && INTEGER_STATUS_NAMES.has(key))) return { to: 'status' };
  if (scope === 'issue') {
    if (array && Object.hasOwn(ISSUE_PATHS, key)) return { to: 'issuePath', withLocation: ISSUE_PATHS[key]! };
    if (stringy && Object.hasOwn(ISSUE_STRINGS, key)) return { to: 'issue', field: ISSUE_STRINGS[key]! };
    if (key === 'title') return { to: 'slot', slot: 'title' };
    return undefined;
  }
  if (array && ISSUE_LISTS.has(key)) return { to: 'issues' };
  if (key === 'errors' && allows(shape, 'object')) return { to: 'issues' };
  if (stringy && Object.hasOwn(PROBLEM_STRINGS, key)) return { to: 'slot', slot: PROBLEM_STRINGS[key]! };
  return undefined;
}

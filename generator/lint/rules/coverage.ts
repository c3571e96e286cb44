/**
 * Rules about statuses an operation must document because the generated service can send them:
 * the router answers 404 for an unknown resource, 400 for invalid input and 500 for anything
 * unexpected. When the spec omits them, the service either breaks its contract or must map the
 * error onto some other documented status, which misleads clients.
 */
import type { ModelOperation } from '../../model/types.js';
import { firstStatusCovering, documentedStatuses, responsesPointer } from '../../model/status-coverage.js';
import type { RawFinding, Rule } from '../types.js';

/** Reports every operation for which `applies` holds and none of `wanted` is covered. */
function missingStatusRule(
  applies: (op: ModelOperation) => boolean,
  wanted: readonly string[],
  report: (op: ModelOperation) => Omit<RawFinding, 'pointer'>,
): Rule['check'] {
  return (ctx) =>
    ctx.operations
      .filter((op) => applies(op) && !firstStatusCovering(documentedStatuses(op), wanted))
      .map((op) => ({ pointer: responsesPointer(op), ...report(op) }));
}

const hasPathParams = (op: ModelOperation) => op.pathParams.length > 0 || op.params.some((p) => p.in === 'path');
const hasInput = (op: ModelOperation) => op.params.length > 0 || op.requestBody !== undefined;

/** The last path segment is literal (`/users`, not `/users/{id}`): a POST there usually creates. */
const isCollectionPath = (path: string) => !/\{[^}]*\}\/?$/.test(path);
const isCreatingPost = (op: ModelOperation) =>
  op.method === 'post' && (op.responses.some((r) => r.status === '201') || (isCollectionPath(op.path) && op.requestBody !== undefined));

export const pathParamsNeed404: Rule = {
  id: 'path-params-need-404',
  defaultSetting: 'error',
  description: 'an operation with path parameters documents 404 (or 4XX/default)',
  check: missingStatusRule(hasPathParams, ['404'], (op) => ({
    message: `${op.key} has path parameters (${op.pathParams.join(', ')}) but documents no 404`,
    fix: "add a '404' response, e.g. `'404': { $ref: '#/components/responses/NotFound' }`",
  })),
};

export const inputNeeds400: Rule = {
  id: 'input-needs-400',
  defaultSetting: 'error',
  description: 'an operation with parameters or a body documents 400 (or 422/4XX/default)',
  check: missingStatusRule(hasInput, ['400', '422'], (op) => ({
    message: `${op.key} takes ${op.requestBody ? 'a request body' : 'parameters'} but documents no 400 or 422 for invalid input`,
    fix: "add a '400' response whose schema can list validation issues",
  })),
};

export const needs5xx: Rule = {
  id: 'needs-5xx',
  defaultSetting: 'error',
  description: 'every operation documents 500 (or 5XX/default) for unexpected failures',
  check: missingStatusRule(
    () => true,
    ['500'],
    (op) => ({
      message: `${op.key} documents no 500, 5XX or default response for unexpected failures`,
      fix: "add a '500' response, e.g. `'500': { $ref: '#/components/responses/InternalServerError' }`",
    }),
  ),
};

export const createNeeds409: Rule = {
  id: 'create-needs-409',
  defaultSetting: 'warn',
  description: 'a creating POST documents 409 (or 4XX/default) for conflicts',
  check: missingStatusRule(isCreatingPost, ['409'], (op) => ({
    message: `${op.key} looks like it creates a resource but documents no 409 for conflicts`,
    fix: "add a '409' response for duplicates, or set this rule to off if creation cannot conflict",
  })),
};

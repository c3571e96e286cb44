/**
 * Rules about the answers security enforcement sends (see templates/runtime/security/): a secured
 * operation refuses requests without valid credentials with 401, and one that asks for scopes
 * refuses a token without them with 403. Undocumented, the runtime must fall back to another
 * documented status (its 400), which tells clients the wrong thing.
 */
import type { ModelOperation } from '../../model/types.js';
import { firstStatusCovering, documentedStatuses, responsesPointer } from '../../model/status-coverage.js';
import type { Rule } from '../types.js';

/** Anonymous access (an empty alternative) means nobody is ever refused. */
const demandsCredentials = (op: ModelOperation) => !!op.security?.length && op.security.every((alt) => alt.length > 0);
const schemesOf = (op: ModelOperation) => [...new Set((op.security ?? []).flat().map((r) => r.scheme))].join(', ');

export const securedNeeds401: Rule = {
  id: 'secured-needs-401',
  defaultSetting: 'error',
  description: 'an operation with security requirements documents 401 (or 4XX/default)',
  check: (ctx) =>
    ctx.operations
      .filter((op) => demandsCredentials(op) && !firstStatusCovering(documentedStatuses(op), ['401']))
      .map((op) => ({
        pointer: responsesPointer(op),
        message: `${op.key} requires ${schemesOf(op)} but documents no 401 for missing or invalid credentials`,
        fix: "add a '401' response (with a WWW-Authenticate header), e.g. `'401': { $ref: '#/components/responses/Unauthorized' }`",
      })),
};

export const scopedNeeds403: Rule = {
  id: 'scoped-needs-403',
  defaultSetting: 'warn',
  description: 'an operation that requires scopes (or roles) documents 403 (or 4XX/default)',
  check: (ctx) =>
    ctx.operations
      .filter(
        (op) =>
          demandsCredentials(op) &&
          op.security!.some((alt) => alt.some((r) => r.scopes.length > 0)) &&
          !firstStatusCovering(documentedStatuses(op), ['403']),
      )
      .map((op) => ({
        pointer: responsesPointer(op),
        message:
          `${op.key} requires scopes (${[...new Set(op.security!.flat().flatMap((r) => r.scopes))].join(', ')}) ` +
          'but documents no 403 for a token without them',
        fix: "add a '403' response, e.g. `'403': { $ref: '#/components/responses/Forbidden' }`",
      })),
};

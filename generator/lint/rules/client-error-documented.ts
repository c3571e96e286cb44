/**
 * Every operation can receive an invalid request, even one without parameters: an unknown query
 * parameter, a body it does not take, a malformed path. The router answers those with 400, or 422,
 * 4XX or default; an operation documenting none of them gets another documented 4xx or, failing
 * that, an undocumented 400 (README "Undocumented client errors"). Operations that take input are
 * already reported by input-needs-400, so this rule covers the others and neither reports twice.
 */
import type { ModelOperation } from '../../model/types.js';
import { firstStatusCovering, documentedStatuses, responsesPointer } from '../../model/status-coverage.js';
import type { Rule } from '../types.js';

const takesInput = (op: ModelOperation) => op.params.length > 0 || op.requestBody !== undefined;

export const clientErrorDocumented: Rule = {
  id: 'client-error-documented',
  defaultSetting: 'error',
  description: 'an operation without parameters still documents 400 (or 422/4XX/default) for malformed requests',
  check: (ctx) =>
    ctx.operations
      .filter((op) => !takesInput(op) && !firstStatusCovering(documentedStatuses(op), ['400', '422']))
      .map((op) => ({
        pointer: responsesPointer(op),
        message: `${op.key} documents no 400, 422, 4XX or default, yet unknown query parameters and malformed requests are refused`,
        fix: "add a '400' response (or '4XX'/'default') whose schema can list validation issues",
      })),
};

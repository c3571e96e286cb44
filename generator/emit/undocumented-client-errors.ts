/**
 * Operations that document no 400, 422, 4XX or default: the generated router answers their invalid
 * requests with another documented 4xx (templates/runtime/client-error-fallback.ts), or, when they
 * document none, with the service-level 400 the operation does not document. The generation summary
 * says which operations those are, so the choice is never silent.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ModelOperation } from '../model/types.js';
import { firstStatusCovering, documentedStatuses } from '../model/status-coverage.js';

const LISTED = 20;

export function operationsWithoutClientError(operations: readonly ModelOperation[]): ModelOperation[] {
  return operations.filter((op) => !firstStatusCovering(documentedStatuses(op), ['400', '422']));
}

export function undocumentedClientErrorWarnings(operations: readonly ModelOperation[]): Omit<Diagnostic, 'file' | 'line'>[] {
  const missing = operationsWithoutClientError(operations);
  if (!missing.length) return [];
  const names =
    missing
      .slice(0, LISTED)
      .map((op) => op.name)
      .join(', ') + (missing.length > LISTED ? `, and ${missing.length - LISTED} more` : '');
  return [
    {
      code: 'UNDOCUMENTED_CLIENT_ERROR',
      severity: 'warning',
      pointer: missing.length === 1 ? `${missing[0].pointer}/responses` : '#/paths',
      message:
        `${missing.length} operation(s) document no 400, 422, 4XX or default; invalid requests to them get ` +
        `their 404 (bad path) or lowest other documented 4xx, else an undocumented 400: ${names}`,
      fix: "add a '400' response (or '4XX'/'default') to each; `faultline lint` lists them (rule client-error-documented)",
    },
  ];
}

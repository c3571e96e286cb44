/**
 * Exchanges and violations -> the report: findings grouped by (check, operation, status) so one
 * defect hit by thirty probes is one finding with `occurrences: 30`, coverage of documented error
 * statuses per operation, and the operations x statuses matrix the HTML page draws.
 */
import type { ModelOperation } from '../model/types.js';
import { statusRank } from '../model/operations.js';
import { matchResponse, type Violation } from './checks.js';
import { curlCommand } from './curl.js';
import {
  CHECKS,
  type CellState,
  type CheckName,
  type Exchange,
  type Finding,
  type MatrixCell,
  type MatrixRow,
  type OperationCoverage,
} from './types.js';

export interface Checked {
  exchange: Exchange;
  violations: Violation[];
}

export function collectFindings(checked: Checked[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const { exchange, violations } of checked) {
    for (const v of violations) {
      const status = exchange.response?.status ?? 0;
      const key = `${v.check}\u0000${exchange.probe.operation}\u0000${status}`;
      const seen = byKey.get(key);
      if (seen) {
        seen.occurrences++;
        continue;
      }
      const { probe, response } = exchange;
      byKey.set(key, {
        check: v.check,
        operation: probe.operation,
        status,
        message: v.message,
        probe: { kind: probe.kind, label: probe.label },
        request: probe.request.body && probe.curlBody ? { ...probe.request, body: probe.curlBody } : probe.request,
        response,
        curl: curlCommand(probe),
        occurrences: 1,
      });
    }
  }
  return [...byKey.values()];
}

export function countChecks(findings: Finding[]): Record<CheckName, number> {
  const counts = Object.fromEntries(Object.keys(CHECKS).map((c) => [c, 0])) as Record<CheckName, number>;
  for (const f of findings) counts[f.check] += f.occurrences;
  return counts;
}

/** The matrix column a response falls on: the documented status it matched, else the status itself. */
function columnOf(op: ModelOperation | undefined, status: number): string {
  if (!status) return 'no response';
  return (op && matchResponse(op, status)?.status) ?? String(status);
}

export function buildCoverage(operations: ModelOperation[], checked: Checked[]): OperationCoverage[] {
  return operations.map((op) => {
    const mine = checked.filter((c) => c.exchange.probe.operation === op.key && c.exchange.response);
    const documentedErrors = op.responses.filter((r) => r.isError).map((r) => r.status);
    const seen = new Set(mine.map((c) => columnOf(op, c.exchange.response!.status)));
    const undocumented = [...new Set(mine.map((c) => c.exchange.response!.status).filter((s) => !matchResponse(op, s)))].sort();
    return {
      operation: op.key,
      documentedErrors,
      observedErrors: documentedErrors.filter((s) => seen.has(s)),
      neverObserved: documentedErrors.filter((s) => !seen.has(s)),
      undocumented,
      requests: checked.filter((c) => c.exchange.probe.operation === op.key).length,
    };
  });
}

export function buildMatrix(operations: ModelOperation[], checked: Checked[]): { columns: string[]; rows: MatrixRow[] } {
  const ops = new Map(operations.map((op) => [op.key, op]));
  const rows = new Map<string, Record<string, MatrixCell>>();
  const cell = (row: string, column: string) => {
    const cells = rows.get(row) ?? rows.set(row, {}).get(row)!;
    return (cells[column] ??= { documented: false, observed: 0, violations: 0, state: 'documented' });
  };
  for (const op of operations) for (const r of op.responses) cell(op.key, r.status).documented = true;
  for (const { exchange, violations } of checked) {
    const op = ops.get(exchange.probe.operation);
    const c = cell(exchange.probe.operation, columnOf(op, exchange.response?.status ?? 0));
    c.observed++;
    c.violations += violations.length ? 1 : 0;
  }
  const columns = new Set<string>();
  for (const [row, cells] of rows) {
    for (const [column, c] of Object.entries(cells)) {
      c.state = stateOf(c, ops.has(row));
      columns.add(column);
    }
  }
  const ordered = [...rows.entries()].sort(([a], [b]) => rowRank(ops, a) - rowRank(ops, b) || (a < b ? -1 : 1));
  return {
    columns: [...columns].sort((a, b) => columnRank(a) - columnRank(b)),
    rows: ordered.map(([operation, cells]) => ({ operation, cells })),
  };
}

/** Rows for other methods and unknown routes document nothing; an answer without a finding is fine there. */
function stateOf(c: MatrixCell, specRow: boolean): CellState {
  if (c.violations) return 'violated';
  if (!c.observed) return 'documented';
  return c.documented || !specRow ? 'observed' : 'undocumented';
}

/** Spec operations in model order first, then the synthetic "* /path" and unknown-route rows. */
function rowRank(ops: Map<string, ModelOperation>, key: string): number {
  const index = [...ops.keys()].indexOf(key);
  return index >= 0 ? index : ops.size;
}

function columnRank(column: string): number {
  return column === 'no response' ? 2000 : statusRank(column);
}

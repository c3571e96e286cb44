/**
 * The terminal summary: findings (one block each, with the curl command), then the coverage table,
 * then a one-line verdict. Plain text without colour so CI logs and pipes read the same.
 */
import type { Report } from './types.js';

export function formatSummary(report: Report): string {
  const lines: string[] = [];
  lines.push(`faultline verify ${report.baseUrl}: ${report.spec.title} ${report.spec.version} (OpenAPI ${report.spec.openapi})`);
  const cut = report.planned > report.requests ? ` (of ${report.planned} planned; raise --max-requests)` : '';
  lines.push(`${report.requests} requests${cut} in ${(report.durationMs / 1000).toFixed(1)} s, seed ${report.seed}`);
  lines.push('');
  for (const f of report.findings) {
    const repeated = f.occurrences > 1 ? `  (${f.occurrences} requests)` : '';
    lines.push(`✖ ${f.check}  ${f.operation}  → ${f.status || 'no response'}${repeated}`);
    lines.push(`    ${oneLine(f.message)}`);
    lines.push(`    probe: ${f.probe.kind}, ${oneLine(f.probe.label)}`);
    lines.push(`    ${oneLine(f.curl).slice(0, 400)}`);
    lines.push('');
  }
  lines.push(
    table(
      ['operation', 'requests', 'documented errors', 'observed', 'never observed', 'undocumented'],
      report.coverage.map((c) => [
        c.operation,
        String(c.requests),
        c.documentedErrors.join(' ') || '-',
        c.observedErrors.join(' ') || '-',
        c.neverObserved.join(' ') || '-',
        c.undocumented.join(' ') || '-',
      ]),
    ),
  );
  lines.push('');
  const failing = Object.entries(report.checks).filter(([, n]) => n > 0);
  lines.push(
    failing.length
      ? `${report.findings.length} findings: ${failing.map(([c, n]) => `${c} ×${n}`).join(', ')}`
      : 'no findings: every response kept the documented contract',
  );
  return lines.join('\n') + '\n';
}

export function formatProgress(done: number, total: number, failing: number): string {
  return `\r\x1b[2Kverify ${done}/${total} requests, ${failing} failing`;
}

/** Spec and response text can hold control characters; a terminal must never interpret them. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  const cells = [head, ...rows].map((r) => r.map(oneLine));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

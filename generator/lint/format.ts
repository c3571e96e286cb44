/**
 * Lint output formats. `stylish` is for people (grouped by file like ESLint), `json` for tools, and
 * `github` for GitHub Actions, which turns `::error file=...,line=...::` lines into annotations on the
 * pull request diff. Load diagnostics come first: a broken spec explains odd or missing findings.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Finding, LintResult } from './types.js';

export const FORMATS = ['stylish', 'json', 'github'] as const;
export type LintFormat = (typeof FORMATS)[number];

export function formatLint(format: LintFormat, result: LintResult, diagnostics: readonly Diagnostic[] = []): string {
  if (format === 'json') return JSON.stringify({ findings: result.findings, diagnostics, summary: result.summary }, null, 2) + '\n';
  if (format === 'github') return formatGithub(result.findings, diagnostics);
  return formatStylish(result);
}

export function formatStylish({ findings, summary }: LintResult): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    const lineWidth = Math.max(...list.map((f) => String(f.line).length));
    out.push(file);
    for (const f of list) {
      out.push(`  ${String(f.line).padStart(lineWidth)}  ${f.severity.padEnd(7)}  ${f.message}  ${f.rule}`);
      out.push(`  ${' '.repeat(lineWidth)}  ${' '.repeat(7)}  fix: ${f.fix}`);
    }
    out.push('');
  }
  out.push(summaryLine(summary.errors, summary.warnings));
  const counts = Object.entries(summary.byRule).filter(([, n]) => n > 0);
  if (counts.length) out.push(`by rule: ${counts.map(([id, n]) => `${id} ${n}`).join(', ')}`);
  return out.join('\n') + '\n';
}

function summaryLine(errors: number, warnings: number): string {
  const total = errors + warnings;
  if (total === 0) return 'no error-contract problems found';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}

export function formatGithub(findings: readonly Finding[], diagnostics: readonly Diagnostic[] = []): string {
  const lines = [
    ...diagnostics.map((d) => annotation(d.severity, d.file, d.line, d.code, `${d.pointer}: ${d.message}`)),
    ...findings.map((f) => annotation(f.severity, f.file, f.line, f.rule, `${f.message} (fix: ${f.fix})`)),
  ];
  return lines.map((l) => l + '\n').join('');
}

function annotation(severity: 'error' | 'warning', file: string, line: number, title: string, message: string): string {
  const props = [`file=${escapeProperty(file)}`, ...(line > 0 ? [`line=${line}`] : []), `title=${escapeProperty(title)}`];
  return `::${severity} ${props.join(',')}::${escapeData(message)}`;
}

/** Workflow-command escaping from @actions/core: spec text must not end the command early. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

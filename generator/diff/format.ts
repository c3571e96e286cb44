/**
 * diff output: `stylish` groups changes under their operation with the place in the new spec (the
 * old one for removals), `json` is `{ changes, summary }` for tools and CI gates.
 */
import type { Change, DiffResult } from './types.js';

export const DIFF_FORMATS = ['stylish', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function formatDiff(format: DiffFormat, result: DiffResult): string {
  return format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatDiffStylish(result);
}

export function formatDiffStylish({ changes, summary }: DiffResult): string {
  const out: string[] = [];
  const byOperation = new Map<string, Change[]>();
  for (const c of changes) byOperation.set(c.operation, [...(byOperation.get(c.operation) ?? []), c]);
  for (const [operation, list] of byOperation) {
    const id = list[0].operationId ? `  (${list[0].operationId})` : '';
    out.push(`${operation}${id}`);
    for (const c of list) out.push(`  ${(c.breaking ? 'breaking' : 'ok').padEnd(8)}  ${c.message}  ${where(c)}`);
    out.push('');
  }
  const total = changes.length;
  out.push(
    total === 0
      ? 'no error-contract changes'
      : `${total} change${total === 1 ? '' : 's'} (${summary.breaking} breaking, ${summary.nonBreaking} not breaking)`,
  );
  return out.join('\n') + '\n';
}

/** new spec's file:line, or the old one's for things that only exist there. */
function where(c: Change): string {
  const place = c.new ?? c.old;
  if (!place) return '';
  return place.line > 0 ? `${place.file}:${place.line}` : place.file;
}

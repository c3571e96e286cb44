/** `error file:line: GET /users/{id} does not document 409 (ConflictError)`, then how the handler reaches it. */
import { relative } from 'node:path';
import type { CheckFinding } from './index.js';

export function formatFinding(finding: CheckFinding, cwd: string): string {
  const at = (file: string, line: number) => `${relative(cwd, file) || file}:${line}`;
  let text = `${finding.severity} ${at(finding.file, finding.line)}: ${finding.message}`;
  if (finding.mapper) text += `, the status its mapper at ${at(finding.mapper.file, finding.mapper.line)} answers`;
  if (finding.via.length)
    text += `\n  via ${finding.via.map((step) => `${step.name}${step.byName ? ' (passed by name)' : '()'} at ${at(step.file, step.line)}`).join(' -> ')}`;
  return text;
}

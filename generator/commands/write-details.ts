/**
 * The lines of `faultline generate`'s summary that name files: every file removed, every file kept in
 * generated/ that faultline did not write (or that was edited since), and the settings the output
 * folder's own tsconfig.json lacks, and the packages the generated code imports that the project's
 * package.json does not list. A count alone ("2 stale removed") hides a deletion; names do not.
 */
import type { UnlistedDependencies } from '../runtime-dependencies.js';
import type { WriteReport } from '../write.js';

export function writeDetails(w: WriteReport & { tsconfigNeeds?: string[]; unlistedDependencies?: UnlistedDependencies }): string[] {
  const lines: string[] = [];
  if (w.removed.length) lines.push(`  removed (written by the last run, no longer generated): ${w.removed.join(', ')}`);
  if (w.foreign?.length)
    lines.push(`  kept in generated/, not written by faultline (move them out: generated/ is faultline's): ${w.foreign.join(', ')}`);
  if (w.edited?.length) lines.push(`  kept, no longer generated but edited since faultline wrote them: ${w.edited.join(', ')}`);
  if (w.tsconfigNeeds?.length) {
    lines.push('  tsconfig.json (yours, kept) lacks settings the generated code needs:');
    for (const need of w.tsconfigNeeds) lines.push(`    ${need}`);
  }
  const unlisted = w.unlistedDependencies;
  if (unlisted) {
    const names = unlisted.missing.join(', ');
    lines.push(
      `  ${unlisted.packageJson} does not list ${names}, which the generated code imports (a production install leaves them out):`,
      `    npm install ${unlisted.missing.join(' ')}`,
    );
  }
  return lines;
}

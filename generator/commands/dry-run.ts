/**
 * `generate --dry-run`: what a real run would do to the output folder, from the same comparison
 * `--check` makes (every file rendered in memory, nothing written). generated/ files are written when
 * new or changed and removed when no longer generated; your files (handlers, app.ts, ...) are created
 * only when missing and never changed. Like a real run, it removes only what the last run wrote and
 * nobody edited since; the rest of generated/ is listed as kept (see prune.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GenerateOptions, GenerateResult } from '../generate.js';
import { EXIT, type CommandIO } from './io.js';

export function reportDryRun(result: GenerateResult, options: GenerateOptions, io: CommandIO): number {
  const { missing, stale, extra, foreign = [], edited = [] } = result.check ?? { missing: [], stale: [], extra: [] };
  const removed = extra.filter((f) => !edited.includes(f));
  const out = resolve(options.cwd ?? io.cwd, options.output);
  const userFiles = [...result.files.keys()].filter((f) => !f.startsWith('generated/') && !existsSync(resolve(out, f))).sort();
  const lines = [
    ...missing.map((f) => `  write   ${f} (new)`),
    ...stale.map((f) => `  write   ${f} (changed)`),
    ...userFiles.map((f) => `  create  ${f}`),
    ...removed.map((f) => `  remove  ${f}`),
    ...edited.map((f) => `  keep    ${f} (no longer generated, but edited since faultline wrote it)`),
    ...foreign.map((f) => `  keep    ${f} (not written by faultline)`),
  ];
  const unchanged = [...result.files.keys()].filter((f) => f.startsWith('generated/')).length - missing.length - stale.length;
  io.stdout(
    [
      `faultline: dry run, nothing written: ${options.input} -> ${options.output}`,
      ...lines,
      `  ${missing.length + stale.length} to write, ${userFiles.length} to create, ${removed.length} to remove, ${unchanged} unchanged`,
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}

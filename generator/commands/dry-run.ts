/**
 * `generate --dry-run`: what a real run would do to the output folder, from the same comparison
 * `--check` makes (every file rendered in memory, nothing written). generated/ files are written when
 * new or changed and removed when no longer generated; your files (handlers, app.ts, ...) are created
 * only when missing and never changed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GenerateOptions, GenerateResult } from '../generate.js';
import { EXIT, type CommandIO } from './io.js';

export function reportDryRun(result: GenerateResult, options: GenerateOptions, io: CommandIO): number {
  const { missing, stale, extra } = result.check ?? { missing: [], stale: [], extra: [] };
  const out = resolve(options.cwd ?? io.cwd, options.output);
  const userFiles = [...result.files.keys()].filter((f) => !f.startsWith('generated/') && !existsSync(resolve(out, f))).sort();
  const lines = [
    ...missing.map((f) => `  write   ${f} (new)`),
    ...stale.map((f) => `  write   ${f} (changed)`),
    ...userFiles.map((f) => `  create  ${f}`),
    ...extra.map((f) => `  remove  ${f}`),
  ];
  const unchanged = [...result.files.keys()].filter((f) => f.startsWith('generated/')).length - missing.length - stale.length;
  io.stdout(
    [
      `faultline: dry run, nothing written: ${options.input} -> ${options.output}`,
      ...lines,
      `  ${missing.length + stale.length} to write, ${userFiles.length} to create, ${extra.length} to remove, ${unchanged} unchanged`,
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}

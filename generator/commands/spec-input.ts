/**
 * What every command does before its own work: read faultline.config.ts (its `input` is the spec when
 * none is given on the command line) and tell an unreadable spec file (exit 2) from a spec with problems
 * (exit 1).
 */
import { loadConfig, type FaultlineConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from './io.js';

export async function commandConfig(cwd: string, explicit?: string): Promise<FaultlineConfig> {
  try {
    return (await loadConfig(cwd, explicit)).config;
  } catch (err) {
    throw new UsageError(`cannot load the config: ${(err as Error).message}`);
  }
}

/** The spec named on the command line, else the config's `input`; a usage error when there is neither. */
export function specFrom(positional: string | undefined, config: FaultlineConfig, usage: string): string {
  const spec = positional ?? config.input;
  if (!spec) throw new UsageError(`missing the spec: ${usage} (or set \`input\` in faultline.config.ts)`);
  return spec;
}

/** The spec file itself could not be read (missing, a folder, no permission): input, not a spec problem. */
export function isUnreadable(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'FILE_UNREADABLE' && d.pointer === '#');
}

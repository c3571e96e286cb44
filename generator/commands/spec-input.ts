/**
 * What every command does before its own work: read faultline.config.ts (its `input` is the spec when
 * none is given on the command line) and tell an unreadable spec file (exit 2) from a spec with problems
 * (exit 1).
 */
import { loadConfig, type FaultlineConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import { formatHelp, parseCommand, type CommandSpec, type ParsedCommand } from './flags.js';
import { UsageError, type CommandIO } from './io.js';

/** Parses `args` against `spec` and reads the config; undefined when `--help` was asked for (then printed). */
export async function startCommand(
  spec: CommandSpec,
  args: string[],
  io: CommandIO,
): Promise<{ flags: ParsedCommand; config: FaultlineConfig } | undefined> {
  const flags = parseCommand(spec, args);
  if (flags.help) {
    io.stdout(formatHelp(spec));
    return undefined;
  }
  return { flags, config: await commandConfig(io.cwd, flags.string('config')) };
}

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

/** The one spec a command reads: named on the command line (at most one), else the config's `input`. */
export function oneSpec(positionals: readonly string[], config: FaultlineConfig, usage: string): string {
  if (positionals.length > 1) throw new UsageError(`expected one spec file, got ${positionals.length}: ${positionals.join(' ')}`);
  return specFrom(positionals[0], config, usage);
}

/** The spec file itself could not be read (missing, a folder, no permission): input, not a spec problem. */
export function isUnreadable(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'FILE_UNREADABLE' && d.pointer === '#');
}

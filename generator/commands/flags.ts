/**
 * One convention for every command: a table of flags per command drives parsing, `--help` and the
 * "did you mean" hints. A new command declares a `CommandSpec` and calls `parseCommand(spec, args)`;
 * `-h/--help` and `-c/--config` come with every table (see `withCommonFlags`).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './io.js';
import { closest } from './suggest.js';

export interface Flag {
  /** long name, without `--` */
  name: string;
  short?: string;
  /** other long names for the same flag, e.g. `output` for `out` */
  aliases?: string[];
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** placeholder of the value in the help, e.g. `<dir>` */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** the synopsis after `faultline `, e.g. `generate [spec] --out <dir> [options]` */
  usage: string;
  summary: string;
  flags: Flag[];
  /** text printed after the flags (rules, notes) */
  details?: string;
}

export const HELP_FLAG: Flag = { name: 'help', short: 'h', type: 'boolean', description: 'print this help and exit' };
export const CONFIG_FLAG: Flag = {
  name: 'config',
  short: 'c',
  type: 'string',
  value: '<file>',
  description: 'config file (default: faultline.config.ts in the working folder); its `input` is the spec when none is given',
};

/** `--ref-root`, shared by every command that loads a spec. */
export const REF_ROOT_FLAG: Flag = {
  name: 'ref-root',
  type: 'string',
  value: '<dir>',
  description: "folder external $refs may reach (default: the spec's folder)",
};

/** `--out <dir>` (alias `--output`): the service folder; `description` says what the command does with it. */
export function outFlag(description: string): Flag {
  return { name: 'out', short: 'o', aliases: ['output'], type: 'string', value: '<dir>', description };
}

export function withCommonFlags(flags: Flag[]): Flag[] {
  return [...flags, CONFIG_FLAG, HELP_FLAG];
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

export interface ParsedCommand {
  positionals: string[];
  /** parseArgs tokens, for flags whose meaning depends on order (verify's `--report json <file>`) */
  tokens: Token[];
  help: boolean;
  string(name: string): string | undefined;
  boolean(name: string): boolean;
  list(name: string): string[];
}

/** Parses args against the command's table: unknown flags get a "did you mean", `--help` wins over everything. */
export function parseCommand(spec: CommandSpec, args: string[]): ParsedCommand {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  const canonical = new Map<string, Flag>();
  for (const flag of spec.flags) {
    // parseArgs rejects keys set to undefined
    options[flag.name] = { type: flag.type, multiple: Boolean(flag.multiple), ...(flag.short ? { short: flag.short } : {}) };
    canonical.set(flag.name, flag);
    for (const alias of flag.aliases ?? []) {
      options[alias] = { type: flag.type, multiple: Boolean(flag.multiple) };
      canonical.set(alias, flag);
    }
  }
  // a lenient pass first: `--help` anywhere prints the help even next to a typo, and unknown flags are named
  const loose = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const tokens = loose.tokens ?? [];
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    return { positionals: [], tokens, help: true, string: () => undefined, boolean: () => false, list: () => [] };
  }
  for (const t of tokens) {
    if (t.kind !== 'option' || canonical.has(t.name)) continue;
    const known = [...canonical.keys()].map((n) => `--${n}`);
    const guess = closest(t.rawName.startsWith('--') ? t.rawName : `--${t.name}`, known);
    throw new UsageError(`unknown option '${t.rawName}'${guess ? `; did you mean '${guess}'?` : ''} (see faultline ${spec.name} --help)`);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('. To specify')[0]} (see faultline ${spec.name} --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const get = (name: string) => {
    const flag = canonical.get(name);
    if (!flag) throw new Error(`faultline ${spec.name}: no flag --${name} in its table`);
    const names = [flag.name, ...(flag.aliases ?? [])];
    if (flag.multiple) return names.flatMap((n) => (values[n] as string[] | undefined) ?? []);
    // when a flag is given under two names the last one on the command line wins
    const given = (parsed.tokens ?? []).filter((t) => t.kind === 'option' && names.includes(t.name)).pop();
    return given && given.kind === 'option' ? values[given.name] : undefined;
  };
  return {
    positionals: parsed.positionals,
    tokens: parsed.tokens ?? [],
    help: false,
    string: (name) => get(name) as string | undefined,
    boolean: (name) => Boolean(get(name)),
    list: (name) => get(name) as string[],
  };
}

export function formatHelp(spec: CommandSpec): string {
  const names = (f: Flag) =>
    [f.short && `-${f.short}`, `--${f.name}`, ...(f.aliases ?? []).map((a) => `--${a}`)].filter(Boolean).join(', ') +
    (f.value ? ` ${f.value}` : '');
  const width = Math.max(...spec.flags.map((f) => names(f).length)) + 2;
  const lines = [
    `usage: faultline ${spec.usage}`,
    '',
    spec.summary,
    '',
    'options:',
    ...spec.flags.map((f) => `  ${names(f).padEnd(width)}${f.description}${f.multiple ? ' (repeatable)' : ''}`),
  ];
  if (spec.details) lines.push('', spec.details.trimEnd());
  lines.push('', EXIT_CODES_HELP);
  return lines.join('\n') + '\n';
}

/** The same table as the README's "Exit codes" section. */
export const EXIT_CODES_HELP = 'exit codes: 0 success, 1 problems found, 2 usage error or unreadable input, 3 internal error';

/**
 * `faultline lint <spec>`: report holes in the error contract. Exit 1 when a finding has error
 * severity or the spec itself has errors, 0 otherwise, 2 for bad flags.
 */
import { parseArgs } from 'node:util';
import { hasErrors } from '../diagnostics.js';
import { loadSpec } from '../load/index.js';
import { checkRuleSettings, lint, RULES, type RuleSetting } from '../lint/index.js';
import { FORMATS, formatDiagnostics, formatLint, type LintFormat } from '../lint/format.js';
import { EXIT, UsageError, type CommandIO } from './io.js';
import { loadConfig, type FaultlineConfig } from '../config.js';

async function configOrUsage(cwd: string, explicit?: string): Promise<FaultlineConfig> {
  try {
    return (await loadConfig(cwd, explicit)).config;
  } catch (err) {
    throw new UsageError(`cannot load the config: ${(err as Error).message}`);
  }
}

const HELP = `usage: faultline lint <spec> [--format stylish|json|github] [--rule id=off|warn|error]... [--ref-root <dir>] [--config <file>]

Rule settings come from faultline.config.ts (rules: {...}); --rule flags override them.

rules:
${RULES.map((r) => `  ${r.id.padEnd(26)} ${r.defaultSetting.padEnd(5)}  ${r.description}`).join('\n')}
`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      rule: { type: 'string', multiple: true, default: [] },
      'ref-root': { type: 'string' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const config = await configOrUsage(io.cwd, values.config);
  const spec = positionals[0] ?? config.input;
  if (positionals.length > 1 || !spec) throw new UsageError(`expected one spec file, got ${positionals.length}\n${HELP}`);
  const format = parseFormat(values.format);
  const configRules = config.rules ?? {};
  const problems = checkRuleSettings(configRules);
  if (problems.length) throw new UsageError(`faultline.config: ${problems.join('; ')}`);
  // flags override the config file
  const rules = { ...configRules, ...parseRuleFlags(values.rule) };

  const loaded = loadSpec(spec, { cwd: io.cwd, refRoot: values['ref-root'] ?? config.refRoot });
  // Diagnostics go to stderr in every format so `--format json > out.json` stays parseable.
  if (loaded.diagnostics.length) io.stderr(formatDiagnostics(loaded.diagnostics));
  const result = lint(loaded, { rules });
  io.stdout(formatLint(format, result, format === 'stylish' ? [] : loaded.diagnostics));
  return result.summary.errors > 0 || hasErrors(loaded.diagnostics) ? EXIT.findings : EXIT.ok;
}

function parseFormat(value: string | undefined): LintFormat {
  if (!FORMATS.includes(value as LintFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
  return value as LintFormat;
}

/** `--rule needs-5xx=off --rule create-needs-409=error`; a later flag for the same id wins. */
export function parseRuleFlags(flags: readonly string[] = []): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const match = /^([a-z0-9-]+)=(.*)$/.exec(flag);
    if (!match) throw new UsageError(`--rule expects id=off|warn|error, got "${flag}"`);
    rules[match[1]] = match[2] as RuleSetting;
  }
  const problems = checkRuleSettings(rules);
  if (problems.length) throw new UsageError(problems.join('; '));
  return rules;
}

/**
 * `faultline lint <spec>`: report holes in the error contract. Exit 1 when a finding has error
 * severity or the spec itself has errors, 0 otherwise, 2 for bad flags or a spec file that cannot be read.
 */
import { formatDiagnostics, hasErrors } from '../diagnostics.js';
import { loadCheckedSpec } from '../load/structure.js';
import { checkRuleSettings, lint, RULES, type RuleSetting } from '../lint/index.js';
import { FORMATS, formatLint, type LintFormat } from '../lint/format.js';
import { EXIT, UsageError, type CommandIO } from './io.js';
import { REF_ROOT_FLAG, withCommonFlags, type CommandSpec } from './flags.js';
import { isUnreadable, oneSpec, startCommand } from './spec-input.js';

export const SPEC: CommandSpec = {
  name: 'lint',
  usage: 'lint [spec] [options]',
  summary: 'Report holes in the error contract, and structural problems of the spec, with file:line.',
  flags: withCommonFlags([
    { name: 'format', type: 'string', value: 'stylish|json|github', description: 'output format (default stylish)' },
    {
      name: 'rule',
      type: 'string',
      multiple: true,
      value: '<id>=off|warn|error',
      description: 'set a rule, overriding faultline.config.ts',
    },
    REF_ROOT_FLAG,
  ]),
  details: `Rule settings come from faultline.config.ts (rules: {...}); --rule flags override them.

rules:
${RULES.map((r) => `  ${r.id.padEnd(26)} ${r.defaultSetting.padEnd(5)}  ${r.description}`).join('\n')}`,
};

export async function run(args: string[], io: CommandIO): Promise<number> {
  const started = await startCommand(SPEC, args, io);
  if (!started) return EXIT.ok;
  const { flags, config } = started;
  const spec = oneSpec(flags.positionals, config, 'faultline lint <spec>');
  const format = parseFormat(flags.string('format') ?? 'stylish');
  const configRules = config.rules ?? {};
  const problems = checkRuleSettings(configRules);
  if (problems.length) throw new UsageError(`faultline.config: ${problems.join('; ')}`);
  // flags override the config file
  const rules = { ...configRules, ...parseRuleFlags(flags.list('rule')) };

  const loaded = await loadCheckedSpec(spec, { cwd: io.cwd, refRoot: flags.string('ref-root') ?? config.refRoot });
  // Diagnostics go to stderr in every format so `--format json > out.json` stays parseable.
  if (loaded.diagnostics.length) io.stderr(formatDiagnostics(loaded.diagnostics));
  // nothing was linted: saying "no problems found" would be a lie
  if (isUnreadable(loaded.diagnostics)) return EXIT.usage;
  if (!loaded.document && format === 'stylish') return EXIT.findings;
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

/**
 * `faultline diff <old> [new]`: error-contract changes between two spec versions (`new` defaults to the
 * config's `input`). Exit 1 with `--fail-on breaking` when a breaking change exists (`any`: when any
 * change exists) or when a spec has errors; 0 otherwise; 2 for bad flags or a spec file that cannot be read.
 */
import { formatDiagnostics, hasErrors } from '../diagnostics.js';
import { loadCheckedSpec } from '../load/structure.js';
import { diffSpecs } from '../diff/index.js';
import { DIFF_FORMATS, formatDiff } from '../diff/format.js';
import { EXIT, UsageError, type CommandIO } from './io.js';
import { formatHelp, REF_ROOT_FLAG, withCommonFlags, type CommandSpec } from './flags.js';
import { isUnreadable, startCommand } from './spec-input.js';

const FAIL_ON = ['none', 'breaking', 'any'] as const;

export const SPEC: CommandSpec = {
  name: 'diff',
  usage: 'diff <old-spec> [new-spec] [options]',
  summary: 'Error-contract changes between two versions of a spec; new-spec defaults to `input` of faultline.config.ts.',
  flags: withCommonFlags([
    { name: 'format', type: 'string', value: DIFF_FORMATS.join('|'), description: 'output format (default stylish)' },
    {
      name: 'fail-on',
      type: 'string',
      value: FAIL_ON.join('|'),
      description: 'exit 1 when a breaking change (or any change) is found (default none)',
    },
    { ...REF_ROOT_FLAG, description: "folder external $refs may reach (default: each spec's folder)" },
  ]),
};

export async function run(args: string[], io: CommandIO): Promise<number> {
  const started = await startCommand(SPEC, args, io);
  if (!started) return EXIT.ok;
  const { flags, config } = started;
  const format = oneOf('--format', DIFF_FORMATS, flags.string('format') ?? 'stylish');
  const failOn = oneOf('--fail-on', FAIL_ON, flags.string('fail-on') ?? 'none');
  const specs = flags.positionals.length === 1 && config.input ? [flags.positionals[0], config.input] : flags.positionals;
  if (specs.length !== 2)
    throw new UsageError(`expected two spec files (old and new), got ${flags.positionals.length}\n${formatHelp(SPEC)}`);

  const refRoot = flags.string('ref-root') ?? config.refRoot;
  const oldSpec = await loadCheckedSpec(specs[0], { cwd: io.cwd, refRoot });
  const newSpec = await loadCheckedSpec(specs[1], { cwd: io.cwd, refRoot });
  const diagnostics = [...oldSpec.diagnostics, ...newSpec.diagnostics];
  if (diagnostics.length) io.stderr(formatDiagnostics(diagnostics));
  if (isUnreadable(diagnostics)) return EXIT.usage;
  // A diff against a spec that did not load would report every operation as added or removed.
  if (hasErrors(diagnostics)) return EXIT.findings;

  const result = diffSpecs(oldSpec, newSpec);
  io.stdout(formatDiff(format, result));
  const fails = (failOn === 'breaking' && result.summary.breaking > 0) || (failOn === 'any' && result.changes.length > 0);
  return fails ? EXIT.findings : EXIT.ok;
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], value: string | undefined): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

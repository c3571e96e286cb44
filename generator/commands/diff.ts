/**
 * `faultline diff <old> <new>`: error-contract changes between two spec versions. Exit 1 with
 * `--fail-on breaking` when a breaking change exists (`any`: when any change exists) or when a spec
 * does not load; 0 otherwise; 2 for bad flags.
 */
import { parseArgs } from 'node:util';
import { hasErrors } from '../diagnostics.js';
import { loadSpec } from '../load/index.js';
import { diffSpecs } from '../diff/index.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../diff/format.js';
import { formatDiagnostics } from '../lint/format.js';
import { EXIT, UsageError, type CommandIO } from './io.js';

const FAIL_ON = ['none', 'breaking', 'any'] as const;
type FailOn = (typeof FAIL_ON)[number];

const HELP = `usage: faultline diff <old-spec> <new-spec> [--format stylish|json] [--fail-on none|breaking|any] [--ref-root <dir>]
`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'fail-on': { type: 'string', default: 'none' },
      'ref-root': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 2) throw new UsageError(`expected two spec files (old and new), got ${positionals.length}\n${HELP}`);
  const format = oneOf('--format', DIFF_FORMATS, values.format);
  const failOn = oneOf('--fail-on', FAIL_ON, values['fail-on']);

  const [oldSpec, newSpec] = positionals.map((p) => loadSpec(p, { cwd: io.cwd, refRoot: values['ref-root'] }));
  const diagnostics = [...oldSpec.diagnostics, ...newSpec.diagnostics];
  if (diagnostics.length) io.stderr(formatDiagnostics(diagnostics));
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

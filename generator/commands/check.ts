/**
 * `faultline check [spec] --out <dir> [--depth N]`: throws of generated error classes (and classes
 * with a typed mapper) that reach a handler whose operation does not document their status. Also run
 * by `generate --check`. Exit 1 on findings or spec errors, 0 otherwise, 2 for bad flags.
 */
import { resolve } from 'node:path';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { loadSpec } from '../load/index.js';
import { loadCheckedSpec } from '../load/structure.js';
import { buildModel } from '../model/operations.js';
import { checkProject, DEFAULT_DEPTH } from '../check/index.js';
import { formatFinding } from '../check/format.js';
import { EXIT, UsageError, type CommandIO } from './io.js';
import { outFlag, REF_ROOT_FLAG, withCommonFlags, type CommandSpec } from './flags.js';
import { isUnreadable, oneSpec, startCommand } from './spec-input.js';

export const SPEC: CommandSpec = {
  name: 'check',
  usage: 'check [spec] --out <dir> [options]',
  summary:
    'Report thrown error classes (and typed mappers) whose status the operation does not document ' +
    '(default spec and folder: `input` and `output` of faultline.config.ts).',
  flags: withCommonFlags([
    outFlag('the generated service folder (its handlers/ and the code they call are read)'),
    {
      name: 'depth',
      type: 'string',
      value: '<n>',
      description: `how many calls deep to follow from each handler (default ${DEFAULT_DEPTH})`,
    },
    REF_ROOT_FLAG,
  ]),
};

export async function run(args: string[], io: CommandIO): Promise<number> {
  const started = await startCommand(SPEC, args, io);
  if (!started) return EXIT.ok;
  const { flags, config } = started;
  const input = oneSpec(flags.positionals, config, 'faultline check <spec> --out <dir>');
  const output = flags.string('out') ?? config.output;
  if (!output) throw new UsageError('missing --out <dir> (or set `output` in faultline.config.ts)');
  const raw = flags.string('depth');
  const depth = raw === undefined ? DEFAULT_DEPTH : Number(raw);
  if (!Number.isInteger(depth) || depth < 0) throw new UsageError(`--depth must be a whole number, got ${raw}`);
  return runCheck({ input, output, refRoot: flags.string('ref-root') ?? config.refRoot, depth }, io);
}

/**
 * Shared with `generate --check`, which has already checked the spec's structure (`structureChecked`):
 * on its own, `check` validates it as generate and lint do, so a spec they refuse is exit 1 here too.
 */
export async function runCheck(
  options: { input: string; output: string; refRoot?: string; depth?: number; structureChecked?: boolean },
  io: CommandIO,
): Promise<number> {
  const loadOptions = { cwd: io.cwd, refRoot: options.refRoot };
  const loaded = options.structureChecked ? loadSpec(options.input, loadOptions) : await loadCheckedSpec(options.input, loadOptions);
  if (!loaded.document || hasErrors(loaded.diagnostics)) {
    for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    return isUnreadable(loaded.diagnostics) ? EXIT.usage : EXIT.findings;
  }
  const { model } = buildModel(loaded.document);
  const findings = checkProject(model, resolve(io.cwd, options.output), { depth: options.depth });
  for (const f of findings) io.stderr(formatFinding(f, io.cwd) + '\n');
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors) {
    io.stderr(`faultline check: ${errors} undocumented error status(es) reachable from handlers\n`);
    return EXIT.findings;
  }
  io.stdout(`${options.output}: every thrown error class is documented by the operations that reach it\n`);
  return EXIT.ok;
}

/**
 * `faultline check [spec] --out <dir> [--depth N]`: throws of generated error classes (and classes
 * with a typed mapper) that reach a handler whose operation does not document their status. Also run
 * by `generate --check`. Exit 1 on findings or spec errors, 0 otherwise, 2 for bad flags.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { loadSpec } from '../load/index.js';
import { buildModel } from '../model/operations.js';
import { loadConfig } from '../config.js';
import { checkProject, DEFAULT_DEPTH } from '../check/index.js';
import { formatFinding } from '../check/format.js';
import { EXIT, UsageError, type CommandIO } from './io.js';

const HELP = `usage: faultline check <spec> --out <dir> [--depth N] [--ref-root <dir>] [--config <file>]

Follows each handler's calls (up to --depth, default ${DEFAULT_DEPTH}) and reports thrown error classes
whose status the operation does not document. The spec and --out default to faultline.config.ts.
`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      depth: { type: 'string' },
      'ref-root': { type: 'string' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  let config;
  try {
    config = (await loadConfig(io.cwd, values.config)).config;
  } catch (err) {
    throw new UsageError(`cannot load the config: ${(err as Error).message}`);
  }
  const input = positionals[0] ?? config.input;
  const output = values.out ?? config.output;
  if (positionals.length > 1 || !input) throw new UsageError(`expected one spec file, got ${positionals.length}\n${HELP}`);
  if (!output) throw new UsageError(`missing --out <dir>\n${HELP}`);
  const depth = values.depth === undefined ? DEFAULT_DEPTH : Number(values.depth);
  if (!Number.isInteger(depth) || depth < 0) throw new UsageError(`--depth must be a whole number, got ${values.depth}`);
  return runCheck({ input, output, refRoot: values['ref-root'] ?? config.refRoot, depth }, io);
}

/** Shared with `generate --check`. */
export async function runCheck(options: { input: string; output: string; refRoot?: string; depth?: number }, io: CommandIO): Promise<number> {
  const loaded = loadSpec(options.input, { cwd: io.cwd, refRoot: options.refRoot });
  if (!loaded.document || hasErrors(loaded.diagnostics)) {
    for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    return EXIT.findings;
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

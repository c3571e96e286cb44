/**
 * `faultline generate [spec] --out <dir>` with --check, --dry-run, --watch, --no-client, --ref-root,
 * --config, --target express|fastify.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { generate, type GenerateOptions, type GenerateResult } from '../generate.js';
import { EXIT, UsageError, type CommandIO } from './io.js';
import { writeDetails } from './write-details.js';
import { outFlag, REF_ROOT_FLAG, withCommonFlags, type CommandSpec } from './flags.js';
import { isUnreadable, oneSpec, startCommand } from './spec-input.js';
import { reportDryRun } from './dry-run.js';

export const SPEC: CommandSpec = {
  name: 'generate',
  usage: 'generate [spec] --out <dir> [options]',
  summary: 'Generate a typed Express service from an OpenAPI spec (default spec and folder: `input` and `output` of faultline.config.ts).',
  flags: withCommonFlags([
    outFlag('output folder (generated/ is rewritten, your files are created once)'),
    {
      name: 'check',
      type: 'boolean',
      description: 'write nothing; exit 1 and list stale, missing and extra files when the output is out of date',
    },
    { name: 'dry-run', type: 'boolean', description: 'print what would be written, created and removed; write nothing' },
    { name: 'watch', short: 'w', type: 'boolean', description: 'regenerate when the spec or a file it references changes' },
    { name: 'no-client', type: 'boolean', description: 'skip the @hey-api/openapi-ts typed client' },
    REF_ROOT_FLAG,
    {
      name: 'target',
      type: 'string',
      value: '<express|fastify>',
      description: 'the framework the service runs on (default express; the handler API is the same)',
    },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'print nothing on success' },
  ]),
};

export async function run(args: string[], io: CommandIO): Promise<number> {
  const started = await startCommand(SPEC, args, io);
  if (!started) return EXIT.ok;
  const { flags, config } = started;
  if (config.moduleFormat !== undefined && config.moduleFormat !== 'esm' && config.moduleFormat !== 'cjs') {
    throw new UsageError(`moduleFormat in the config must be 'esm' or 'cjs', got ${JSON.stringify(config.moduleFormat)}`);
  }
  const target = flags.string('target') ?? config.target ?? 'express';
  if (target !== 'express' && target !== 'fastify')
    throw new UsageError(`--target must be express or fastify, got ${JSON.stringify(target)}`);
  const input = oneSpec(flags.positionals, config, 'faultline generate <spec> --out <dir>');
  const output = flags.string('out') ?? config.output;
  if (!output) throw new UsageError('missing --out <dir> (or set `output` in faultline.config.ts)');
  const modes = ['check', 'dry-run', 'watch'].filter((m) => flags.boolean(m));
  if (modes.length > 1) throw new UsageError(`--${modes.join(' and --')} cannot be combined`);
  const options: GenerateOptions = {
    input,
    output,
    cwd: io.cwd,
    client: flags.boolean('no-client') ? false : (config.client ?? true),
    refRoot: flags.string('ref-root') ?? config.refRoot,
    check: flags.boolean('check') || flags.boolean('dry-run'),
    // a dry run compares every file; the manifest shortcut would only say "up to date"
    fastCheck: flags.boolean('dry-run') ? false : undefined,
    serviceErrorSchema: config.serviceErrorSchema,
    moduleFormat: config.moduleFormat,
    target,
  };
  if (flags.boolean('watch')) return watchLoop(options, io, flags.boolean('quiet'));
  return once(options, io, flags.boolean('quiet'), flags.boolean('dry-run'));
}

async function once(options: GenerateOptions, io: CommandIO, quiet: boolean, dryRun: boolean): Promise<number> {
  const started = performance.now();
  const result = await generate(options);
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (isUnreadable(result.diagnostics)) return EXIT.usage;
  if (hasErrors(result.diagnostics)) {
    io.stderr(`faultline: ${result.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written\n`);
    return EXIT.findings;
  }
  const ms = Math.round(performance.now() - started);
  if (dryRun) return reportDryRun(result, options, io);
  if (result.check) {
    // --check also runs `faultline check`: thrown error classes the operations do not document
    const files = reportCheck(result, options, io);
    const { runCheck } = await import('./check.js');
    const checkOptions = { input: options.input, output: options.output, refRoot: options.refRoot, structureChecked: true };
    return Math.max(files, await runCheck(checkOptions, io));
  }
  if (!quiet) io.stdout(summary(result, options, ms));
  return EXIT.ok;
}

function reportCheck(result: GenerateResult, options: GenerateOptions, io: CommandIO): number {
  const { missing, stale, extra } = result.check!;
  const lines = [...stale.map((f) => `stale    ${f}`), ...missing.map((f) => `missing  ${f}`), ...extra.map((f) => `extra    ${f}`)];
  const foreign = result.check!.foreign ?? [];
  if (foreign.length) io.stderr(`note: kept in generated/, not written by faultline: ${foreign.join(', ')}\n`);
  if (lines.length === 0) {
    io.stdout(`${options.output}: up to date\n`);
    return EXIT.ok;
  }
  const listed = lines.map((l) => `  ${l}`).join('\n');
  io.stderr(
    `${options.output} is out of date with ${options.input}:\n${listed}\n` +
      `run: faultline generate ${options.input} --out ${options.output}\n`,
  );
  return EXIT.findings;
}

function summary(result: GenerateResult, options: GenerateOptions, ms: number): string {
  const w = result.written!;
  const lines = [
    `faultline: ${options.input} -> ${options.output}`,
    `  ${result.stats.operations} operations, ${result.stats.errorResponses} error responses`,
    ...(result.stats.basePath
      ? [`  served under ${result.stats.basePath} (the spec's first server); createRouter(handlers, { basePath: '' }) serves at the root`]
      : []),
    `  ${w.written.length} files written, ${w.unchanged} unchanged, ${w.removed.length} stale removed, ` +
      `${w.created.length} user files created`,
  ];
  if (w.orphans.length) lines.push(`  kept handler files whose operation left the spec: ${w.orphans.join(', ')}`);
  if (result.moduleFormat?.format === 'cjs') lines.push(`  CommonJS output: ${result.moduleFormat.reason}`);
  lines.push(...writeDetails(w));
  if (result.diagnostics.some((d) => d.code === 'CLIENT_FAILED'))
    lines.push(
      '  the typed client was left out (see the warning above); the service is complete. To proceed without it, rerun with --no-client',
    );
  lines.push(`  done in ${ms} ms`);
  return lines.join('\n') + '\n';
}

/**
 * Regenerates on changes to the spec or any file it references; a broken spec keeps the last good output.
 * The folder watchers live for the whole session (only folders that stop or start holding an input are
 * closed or opened): closing and reopening them around each run lost a change made while a run was
 * finishing, since an event not yet delivered to a closed watcher is dropped. Runs never overlap; a change
 * during a run queues one more run after it.
 */
async function watchLoop(options: GenerateOptions, io: CommandIO, quiet?: boolean): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  let inputs: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 100);
  };
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await cycle();
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      onChange();
    }
  };
  const cycle = async () => {
    const result = await generate({ ...options, check: false });
    for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    const broken = hasErrors(result.diagnostics);
    if (broken) io.stderr('faultline: spec has errors; kept the last good output\n');
    else if (!quiet) io.stdout(`faultline: regenerated ${options.output} (${result.written?.written.length ?? 0} files changed)\n`);
    // a broken spec may name fewer files (it stopped early): keep watching what the last good run read
    inputs = broken ? [...new Set([...inputs, ...result.inputs])] : result.inputs;
    // watch each file's folder: editors replace files (a new inode), which a file watcher misses
    const folders = new Set(inputs.map((file) => dirname(file)));
    for (const [folder, watcher] of watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        watchers.set(
          folder,
          watch(folder, (_event, name) => name && inputs.some((f) => f.endsWith(`/${name}`)) && onChange()),
        );
      } catch {
        // a folder that cannot be watched (gone, no permission): its files are still read on the next run
      }
    }
  };
  await run();
  io.stdout('faultline: watching for changes (Ctrl-C to stop)\n');
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  return EXIT.ok;
}

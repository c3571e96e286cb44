/** `faultline generate <spec> --out <dir>` with --check, --watch, --no-client, --ref-root, --config, --target express|fastify. */
import { parseArgs } from 'node:util';
import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { generate, type GenerateOptions, type GenerateResult } from '../generate.js';
import { loadConfig, ConfigError } from '../config.js';
import { EXIT, UsageError, type CommandIO } from './io.js';

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      check: { type: 'boolean' },
      watch: { type: 'boolean', short: 'w' },
      'no-client': { type: 'boolean' },
      'ref-root': { type: 'string' },
      config: { type: 'string', short: 'c' },
      quiet: { type: 'boolean', short: 'q' },
      target: { type: 'string' },
    },
  });
  let config;
  try {
    config = (await loadConfig(io.cwd, values.config)).config;
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw new UsageError(`cannot load the config: ${(err as Error).message}`);
  }
  const target = values.target ?? config.target ?? 'express';
  if (target !== 'express' && target !== 'fastify') throw new UsageError(`--target must be express or fastify, got ${JSON.stringify(target)}`);
  const input = positionals[0] ?? config.input;
  const output = values.out ?? config.output;
  if (positionals.length > 1) throw new UsageError(`expected one spec, got ${positionals.length}`);
  if (!input) throw new UsageError('missing the spec: faultline generate <spec> --out <dir>');
  if (!output) throw new UsageError('missing --out <dir>');
  const options: GenerateOptions = {
    input, output, cwd: io.cwd,
    client: values['no-client'] ? false : config.client ?? true,
    refRoot: values['ref-root'] ?? config.refRoot,
    check: values.check,
    serviceErrorSchema: config.serviceErrorSchema,
    target,
  };
  if (values.watch) return watchLoop(options, io, values.quiet);
  return once(options, io, values.quiet);
}

async function once(options: GenerateOptions, io: CommandIO, quiet?: boolean): Promise<number> {
  const started = performance.now();
  const result = await generate(options);
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (hasErrors(result.diagnostics)) {
    io.stderr(`faultline: ${result.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written\n`);
    return EXIT.findings;
  }
  const ms = Math.round(performance.now() - started);
  if (result.check) return reportCheck(result, options, io);
  if (!quiet) io.stdout(summary(result, options, ms));
  return EXIT.ok;
}

function reportCheck(result: GenerateResult, options: GenerateOptions, io: CommandIO): number {
  const { missing, stale, extra } = result.check!;
  const lines = [...stale.map((f) => `stale    ${f}`), ...missing.map((f) => `missing  ${f}`), ...extra.map((f) => `extra    ${f}`)];
  if (lines.length === 0) {
    io.stdout(`${options.output}: up to date\n`);
    return EXIT.ok;
  }
  io.stderr(`${options.output} is out of date with ${options.input}:\n${lines.map((l) => `  ${l}`).join('\n')}\nrun: faultline generate ${options.input} --out ${options.output}\n`);
  return EXIT.findings;
}

function summary(result: GenerateResult, options: GenerateOptions, ms: number): string {
  const w = result.written!;
  const lines = [
    `faultline: ${options.input} -> ${options.output}`,
    `  ${result.stats.operations} operations, ${result.stats.errorResponses} error responses`,
    `  ${w.written.length} files written, ${w.unchanged} unchanged, ${w.removed.length} stale removed, ${w.created.length} user files created`,
  ];
  if (w.orphans.length) lines.push(`  kept handler files whose operation left the spec: ${w.orphans.join(', ')}`);
  lines.push(`  done in ${ms} ms`);
  return lines.join('\n') + '\n';
}

/** Regenerates on changes to the spec or any file it references; a broken spec keeps the last good output. */
async function watchLoop(options: GenerateOptions, io: CommandIO, quiet?: boolean): Promise<number> {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const cycle = async () => {
    const result = await generate({ ...options, check: false });
    for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    if (hasErrors(result.diagnostics)) io.stderr('faultline: spec has errors; kept the last good output\n');
    else if (!quiet) io.stdout(`faultline: regenerated ${options.output} (${result.written?.written.length ?? 0} files changed)\n`);
    watchers.forEach((w) => w.close());
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(cycle, 100);
    };
    // watch each file's folder too: editors replace files (a new inode), which a file watcher misses
    const folders = new Set(result.inputs.map((file) => dirname(file)));
    watchers = [...folders].flatMap((folder) => {
      try {
        return [watch(folder, (_event, name) => name && result.inputs.some((f) => f.endsWith(`/${name}`)) && onChange())];
      } catch {
        return [];
      }
    });
  };
  await cycle();
  io.stdout('faultline: watching for changes (Ctrl-C to stop)\n');
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
  });
  watchers.forEach((w) => w.close());
  return EXIT.ok;
}

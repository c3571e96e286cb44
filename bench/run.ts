/**
 * `npm run bench`: bench/generate, then bench/runtime and the startup measurement, then rewrites
 * BENCHMARKS.md and writes the raw results as JSON beside it in bench/results/.
 *
 * BENCH_SMOKE=1: one run, no warm-up, 1-second autocannon runs, specs/users.yaml only; writes to
 * BENCH_OUT (a folder) instead of BENCHMARKS.md. Env: BENCH_ONLY=generate|runtime|startup|size (startup,
 * size: merged into the saved results), BENCH_SERVERS=generated,fastify,peer,bare (a subset), BENCH_RUNS,
 * BENCH_DURATION (s), BENCH_ROUNDS, BENCH_OUT (with BENCH_ONLY=startup|size too: the merged report goes there and
 * the saved results are left alone), BENCH_STARTUP_SPEC (the startup bench's spec; default GitHub's, smoke:
 * users), BENCH_STARTUP_ROUNDS (default 5, smoke 1). BENCH_RENDER=1 measures nothing: it re-renders
 * BENCHMARKS.md from bench/results/results.json with the current bench/NOTES.md.
 *
 * Hygiene: before measuring, the machine's load is checked (bench/lib/quiet.ts) and the bench refuses
 * to run when it is visibly busy, unless `--allow-busy` (or BENCH_ALLOW_BUSY=1) is given; the report
 * then says NOISY above every table. Smoke runs skip the check (their numbers are never reported).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchGenerate } from './generate.js';
import { benchRuntime } from './runtime.js';
import { benchStartup } from './startup.js';
import { benchSpecSize } from './spec-size.js';
import { CORPUS, DEFAULT_SPECS } from './lib/inputs.js';
import { machine, toolVersions, faultlineVersion, TOOLS } from './lib/machine.js';
import { renderReport, type Report } from './report.js';
import { machineLoad, refuseWhenBusy } from './lib/quiet.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const smoke = process.env.BENCH_SMOKE === '1';
const only = process.env.BENCH_ONLY;
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const log = (line: string) => process.stderr.write(`${line}\n`);
const notesFile = join(ROOT, 'bench/NOTES.md');

if (process.env.BENCH_RENDER === '1') {
  const saved = JSON.parse(readFileSync(join(ROOT, 'bench/results/results.json'), 'utf8')) as Report;
  saved.notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined;
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderReport(saved));
  log('re-rendered BENCHMARKS.md from bench/results/results.json');
  process.exit(0);
}

const allowBusy = process.argv.includes('--allow-busy') || process.env.BENCH_ALLOW_BUSY === '1';
const load = smoke ? undefined : await machineLoad(allowBusy);
if (load) {
  try {
    refuseWhenBusy(load);
  } catch (error) {
    log(`bench refused: ${(error as Error).message}`);
    process.exit(3);
  }
  log(
    load.busy
      ? `machine busy (${load.reason}); measuring anyway (--allow-busy), results labelled NOISY`
      : `machine quiet: load ${load.load1.toFixed(2)}, ${(load.busyShare * 100).toFixed(0)}% CPU busy`,
  );
}

const users = join(ROOT, 'specs/users.yaml');
const startupSpec = (fallback: string) => (process.env.BENCH_STARTUP_SPEC ? resolve(process.env.BENCH_STARTUP_SPEC) : fallback);
const startupOptions = { operations: 30, rounds: num('BENCH_STARTUP_ROUNDS', smoke ? 1 : 5), log, load };
const versions = { ...toolVersions(TOOLS.filter((t) => t !== 'faultline')), faultline: faultlineVersion() };
const report: Report = { date: new Date().toISOString().slice(0, 10), machine: machine(), versions, load };

if (only === 'startup' || only === 'size') {
  // Re-measures startup (or the spec-size comparison) only and merges it into the saved results.
  const saved = JSON.parse(readFileSync(join(ROOT, 'bench/results/results.json'), 'utf8')) as Report;
  const github = join(CORPUS, DEFAULT_SPECS[0]);
  if (only === 'startup')
    saved.runtime!.startup = await benchStartup(startupSpec(!smoke && existsSync(github) ? github : users), startupOptions);
  else
    saved.runtime!.specSize = await benchSpecSize(github, { durationSec: num('BENCH_DURATION', 5), rounds: num('BENCH_ROUNDS', 5), log });
  saved.notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined;
  const dir = process.env.BENCH_OUT ?? join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ ...saved, notes: undefined }, null, 2) + '\n');
  writeFileSync(process.env.BENCH_OUT ? join(dir, 'BENCHMARKS.md') : join(ROOT, 'BENCHMARKS.md'), renderReport(saved));
  log(`wrote ${process.env.BENCH_OUT ? join(dir, 'BENCHMARKS.md') : 'BENCHMARKS.md'} and ${join(dir, 'results.json')}`);
  process.exit(0);
}
if (only === 'generate' && !smoke && !process.env.BENCH_OUT) {
  // Re-measures generation only and keeps the saved runtime results.
  const saved = JSON.parse(readFileSync(join(ROOT, 'bench/results/results.json'), 'utf8')) as Report;
  report.runtime = saved.runtime;
}
if (only === 'runtime' && !smoke && !process.env.BENCH_OUT) {
  // Re-measures the runtime only and keeps the saved generation results.
  const saved = JSON.parse(readFileSync(join(ROOT, 'bench/results/results.json'), 'utf8')) as Report;
  report.generate = saved.generate;
}
if (only !== 'runtime') {
  report.generate = await benchGenerate({
    specs: smoke ? [users] : undefined,
    runs: num('BENCH_RUNS', smoke ? 1 : 5),
    warmup: smoke ? 0 : 1,
    log,
  });
}
if (only !== 'generate') {
  report.runtime = await benchRuntime({
    durationSec: num('BENCH_DURATION', smoke ? 1 : 5),
    rounds: num('BENCH_ROUNDS', smoke ? 1 : 5),
    warmupSec: smoke ? 0 : 1,
    log,
    load,
  });
  const github = join(CORPUS, DEFAULT_SPECS[0]);
  report.runtime.startup = await benchStartup(startupSpec(smoke || !existsSync(github) ? users : github), startupOptions);
  if (!smoke && existsSync(github))
    report.runtime.specSize = await benchSpecSize(github, { durationSec: num('BENCH_DURATION', 5), rounds: num('BENCH_ROUNDS', 5), log });
}

if (existsSync(notesFile)) report.notes = readFileSync(notesFile, 'utf8');
const outDir = process.env.BENCH_OUT ?? (smoke ? undefined : join(ROOT, 'bench/results'));
if (!outDir) throw new Error('BENCH_SMOKE=1 needs BENCH_OUT (a folder), so a smoke run never overwrites BENCHMARKS.md');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), JSON.stringify(report, null, 2) + '\n');
const markdown = renderReport(report);
writeFileSync(process.env.BENCH_OUT ? join(outDir, 'BENCHMARKS.md') : join(ROOT, 'BENCHMARKS.md'), markdown);
log(`wrote ${process.env.BENCH_OUT ? join(outDir, 'BENCHMARKS.md') : 'BENCHMARKS.md'} and ${join(outDir, 'results.json')}`);

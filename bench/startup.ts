/**
 * Startup of a generated service on a large spec (GitHub's): generate it into a temp folder with
 * --no-client, then start it in two modes, interleaved over `rounds` rounds:
 *
 * - "dev: tsx": the TypeScript sources loaded at run time through tsx, NODE_ENV unset (what
 *   `npm run dev` / a test run does);
 * - "production: compiled JS": the service compiled to JavaScript by tsc with the service's own
 *   tsconfig.json (emit on, outDir dist/, generated/openapi.json copied beside it: what the
 *   scaffold's `npm run build` does), then plain `node` on it with NODE_ENV=production, no loader.
 *
 * Each run measures the time from spawn to the first correct answer and the first request of ~30
 * operations (each operation's first use compiles its validators). Targets, judged on the
 * production mode: first correct answer within 1 s of spawn, no first request above 100 ms. Besides
 * wall time (which a busy machine stretches), the server's own CPU time is reported: at listening
 * (Node, the loader if any, the service's modules, building the app) and at the first correct answer.
 */
import { derefIn } from './lib/deref.js';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchWorkDir } from './lib/work-dir.js';
import { startServer } from './lib/server.js';
import { patchOneOfs, refusedOneOfs } from './lib/inputs.js';
import { summarize, type Summary } from './lib/stats.js';
import { exampleAnswers, writeAnswers } from './lib/answers.js';
import type { MachineLoad } from './lib/quiet.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface FirstRequest {
  operation: string;
  url: string;
  status: number;
  correct: boolean;
  ms: number;
  secondMs: number;
}

export const STARTUP_MODES = ['dev: tsx', 'production: compiled JS'] as const;
export type StartupModeName = (typeof STARTUP_MODES)[number];

/** One spawn of the service: spawn to listening, to its first correct answer, and each target's first request. */
export interface StartupRun {
  listenMs: number;
  firstCorrectAnswerMs: number;
  /** The server process's CPU time (user + system) when listening and after its first correct answer. */
  listenCpuMs: number;
  firstCorrectAnswerCpuMs: number;
  /** From the harness's entry module to listening (the service's modules loaded, the app built), in the server's clock. */
  bootMs: number;
  firstRequests: FirstRequest[];
}

export interface StartupMode {
  mode: StartupModeName;
  /** How the server process was started, for the report. */
  command: string;
  runs: StartupRun[];
  /** Medians and ranges over the runs. */
  listenMs: Summary;
  listenCpuMs: Summary;
  bootMs: Summary;
  firstCorrectAnswerMs: Summary;
  firstCorrectAnswerCpuMs: Summary;
  /** Every first request of every run. */
  firstRequestMs: Summary;
  /** First requests above 100 ms, over all runs. */
  over100ms: number;
}

export interface StartupResults {
  spec: string;
  patched: string[];
  generateMs: number;
  /** How the production mode's JavaScript was made, and how long it took. */
  compiler?: string;
  compileMs?: number;
  rounds?: number;
  modes?: StartupMode[];
  /** The mode the targets are judged on. */
  judgedOn?: StartupModeName;
  /** The machine's load before this measurement (BENCH_ONLY=startup merges it into older results, measured under another load). */
  load?: MachineLoad;
  error?: string;
  // Results saved before the two modes (one tsx run) have these instead of `modes`.
  listenMs?: number;
  firstCorrectAnswerMs?: number;
  listenCpuMs?: number;
  firstCorrectAnswerCpuMs?: number;
  bootMs?: number;
  firstRequests?: FirstRequest[];
  firstRequestMs?: Summary;
  over100ms?: number;
}

type Obj = Record<string, any>;
type Target = { name: string; url: string; responses: Obj };

/** `prebuilt`: a service already generated from `spec` (e.g. by an older faultline, to compare); not generated, not removed. */
export async function benchStartup(
  spec: string,
  options: { operations?: number; rounds?: number; log?: (line: string) => void; prebuilt?: string; load?: MachineLoad } = {},
): Promise<StartupResults> {
  const log = options.log ?? (() => {});
  const rounds = Math.max(1, options.rounds ?? 3);
  // inside the repo, so the service resolves this repo's node_modules (see lib/work-dir.ts)
  const work = benchWorkDir('bench-startup');
  const out = options.prebuilt ?? join(work, 'service');
  const result: StartupResults = {
    spec: relative(ROOT, spec),
    patched: [],
    generateMs: NaN,
    rounds,
    judgedOn: 'production: compiled JS',
    load: options.load,
  };
  try {
    let input = spec;
    const t0 = performance.now();
    let gen = options.prebuilt ? { status: 0, stderr: '' } : generateInto(input, out);
    for (let i = 0; gen.status !== 0 && i < 3; i++) {
      const pointers = refusedOneOfs(gen.stderr);
      if (!pointers.length) break;
      result.patched.push(...pointers);
      input = patchOneOfs(spec, result.patched, join(work, 'input'));
      gen = generateInto(input, out);
    }
    result.generateMs = performance.now() - t0;
    if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr.slice(0, 1000)}`);

    const dist = join(work, 'dist');
    const c0 = performance.now();
    result.compiler = compileService(out, dist);
    result.compileMs = performance.now() - c0;
    log(`startup: ${result.compiler} in ${result.compileMs.toFixed(0)} ms`);
    const harness = compileHarness(join(work, 'harness'));

    const doc = JSON.parse(readFileSync(join(out, 'generated/openapi.json'), 'utf8')) as Obj;
    const targets = pickOperations(doc, options.operations ?? 30);
    const operations = (await import(join(out, 'generated/contract.gen.ts'))).contract.operations as {
      name: string;
      method: string;
      path: string;
    }[];
    const answers = writeAnswers(join(work, 'answers.json'), exampleAnswers(input, operations));

    const launch: Record<StartupModeName, { command: string; start: () => ReturnType<typeof startServer> }> = {
      'dev: tsx': {
        command: 'node --import tsx bench/servers/startup.ts (imports app.ts), NODE_ENV unset',
        start: () =>
          startServer(join(ROOT, 'bench/servers/startup.ts'), {
            cwd: ROOT,
            env: { APP_DIR: out, ANSWERS_FILE: answers, NODE_ENV: undefined },
          }),
      },
      'production: compiled JS': {
        command: 'node on the same harness transpiled to JS (imports dist/app.js), NODE_ENV=production, no loader',
        start: () =>
          startServer(harness, {
            cwd: ROOT,
            loader: 'none',
            env: { APP_DIR: out, APP_ENTRY: join(dist, 'app.js'), ANSWERS_FILE: answers, NODE_ENV: 'production' },
          }),
      },
    };
    const runs: Record<StartupModeName, StartupRun[]> = { 'dev: tsx': [], 'production: compiled JS': [] };
    for (let round = 0; round < rounds; round++) {
      // alternate which mode goes first, so neither always gets the warmer page cache
      const order = round % 2 ? [...STARTUP_MODES].reverse() : [...STARTUP_MODES];
      for (const mode of order) {
        const run = await measureRun(launch[mode].start, targets, (line) => log(`startup [${mode}] ${line}`));
        runs[mode].push(run);
        log(
          `startup [${mode}] round ${round + 1}: listening ${run.listenMs.toFixed(0)} ms (CPU ${run.listenCpuMs.toFixed(0)}), first correct answer ${run.firstCorrectAnswerMs.toFixed(0)} ms (CPU ${run.firstCorrectAnswerCpuMs.toFixed(0)})`,
        );
      }
    }
    result.modes = STARTUP_MODES.map((mode) => summarizeMode(mode, launch[mode].command, runs[mode]));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    log(`startup: ${result.error}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

async function measureRun(
  start: () => ReturnType<typeof startServer>,
  targets: Target[],
  log: (line: string) => void,
): Promise<StartupRun> {
  const spawned = performance.now();
  const server = await start();
  const run: StartupRun = {
    listenMs: server.listenMs,
    listenCpuMs: server.reported.cpuMs ?? NaN,
    bootMs: server.reported.bootMs ?? NaN,
    firstCorrectAnswerMs: NaN,
    firstCorrectAnswerCpuMs: NaN,
    firstRequests: [],
  };
  try {
    for (const t of targets) {
      const first = await timedGet(server.port, t.url);
      const second = await timedGet(server.port, t.url);
      const correct = documents(t.responses, first.status) && first.jsonOk;
      if (correct && Number.isNaN(run.firstCorrectAnswerMs)) {
        run.firstCorrectAnswerMs = performance.now() - spawned;
        run.firstCorrectAnswerCpuMs = (await server.mark()).cpuMicros / 1000;
      }
      run.firstRequests.push({ operation: t.name, url: t.url, status: first.status, correct, ms: first.ms, secondMs: second.ms });
      log(
        `${t.name} ${t.url}: ${first.status} in ${first.ms.toFixed(1)} ms (then ${second.ms.toFixed(1)} ms)${correct ? '' : ' NOT DOCUMENTED'}`,
      );
    }
  } finally {
    await server.stop();
  }
  return run;
}

function summarizeMode(mode: StartupModeName, command: string, runs: StartupRun[]): StartupMode {
  const all = runs.flatMap((r) => r.firstRequests);
  return {
    mode,
    command,
    runs,
    listenMs: summarize(runs.map((r) => r.listenMs)),
    listenCpuMs: summarize(runs.map((r) => r.listenCpuMs)),
    bootMs: summarize(runs.map((r) => r.bootMs)),
    firstCorrectAnswerMs: summarize(runs.map((r) => r.firstCorrectAnswerMs)),
    firstCorrectAnswerCpuMs: summarize(runs.map((r) => r.firstCorrectAnswerCpuMs)),
    firstRequestMs: summarize(all.map((r) => r.ms)),
    over100ms: all.filter((r) => r.ms > 100).length,
  };
}

/**
 * The user's build: tsc with the service's own tsconfig.json, emit on, into `dist`, and
 * generated/openapi.json copied beside the compiled router (the scaffold's `npm run build` does the
 * same). Type errors do not stop the emit (as with tsc's default noEmitOnError: false) but are
 * reported, since a service that does not type-check is not what a user deploys.
 */
function compileService(service: string, dist: string): string {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(service, 'tsconfig.json'), '--noEmit', 'false', '--outDir', dist], {
    cwd: service,
    encoding: 'utf8',
  });
  if (!existsSync(join(dist, 'app.js')))
    throw new Error(`tsc emitted no app.js (exit ${run.status}): ${(run.stdout + run.stderr).slice(0, 1000)}`);
  mkdirSync(join(dist, 'generated'), { recursive: true });
  copyFileSync(join(service, 'generated/openapi.json'), join(dist, 'generated/openapi.json'));
  const errors = (run.stdout.match(/error TS\d+/g) ?? []).length;
  return `tsc -p tsconfig.json --noEmit false --outDir dist (type-checked: ${run.status === 0 ? 'no errors' : `${errors} error(s)`})`;
}

/**
 * The server harness (bench/servers/startup.ts and the child.ts it imports) as plain JavaScript, so
 * the production mode loads no TypeScript loader at all. transpileModule only strips types here.
 */
function compileHarness(dir: string): string {
  const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
  // each module where its relative imports expect it (child.ts imports ../lib/gc-window.js)
  const modules: Array<[string, string]> = [
    ['bench/servers/startup.ts', 'startup.js'],
    ['bench/servers/child.ts', 'child.js'],
    ['bench/lib/gc-window.ts', '../lib/gc-window.js'],
  ];
  for (const [from, to] of modules) {
    const source = readFileSync(join(ROOT, from), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    writeFileSync(join(dir, to), js);
  }
  return join(dir, 'startup.js');
}

function generateInto(input: string, out: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/faultline.js'), 'generate', input, '--out', out, '--no-client'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** GET operations without required header/cookie params, spread evenly over the spec. */
function pickOperations(doc: Obj, count: number): Target[] {
  const deref = derefIn(doc);
  const all: Target[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Obj)) {
    const op = item?.get as Obj | undefined;
    if (!op) continue;
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref).filter((p): p is Obj => p !== undefined);
    if (params.some((p) => p.required && (p.in === 'header' || p.in === 'cookie'))) continue;
    let url = path;
    const query: string[] = [];
    for (const p of params) {
      const value = sample(deref(p.schema ?? {}) ?? {}, p.name);
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (p.in === 'query' && p.required) query.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(value)}`);
    }
    all.push({
      name: op.operationId ?? `GET ${path}`,
      url: url + (query.length ? `?${query.join('&')}` : ''),
      responses: op.responses ?? {},
    });
  }
  const step = Math.max(1, all.length / count);
  const picked: typeof all = [];
  for (let i = 0; i < all.length && picked.length < count; i += step) picked.push(all[Math.floor(i)]);
  return picked;
}

function sample(schema: Obj, name: string): string {
  if (Array.isArray(schema.enum) && schema.enum.length) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number') return String(Math.max(1, schema.minimum ?? 1));
  if (schema.type === 'boolean') return 'true';
  if (/sha|ref/i.test(name)) return 'main';
  return 'octocat';
}

function documents(responses: Obj, status: number): boolean {
  const codes = Object.keys(responses);
  return codes.includes(String(status)) || codes.includes(`${String(status)[0]}XX`) || codes.includes('default');
}

async function timedGet(port: number, url: string): Promise<{ status: number; ms: number; jsonOk: boolean }> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${url}`);
  const text = await res.text();
  const ms = performance.now() - started;
  let jsonOk = true;
  if (text.length && /json/.test(res.headers.get('content-type') ?? '')) {
    try {
      JSON.parse(text);
    } catch {
      jsonOk = false;
    }
  }
  return { status: res.status, ms, jsonOk };
}

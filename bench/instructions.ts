/**
 * bench/instructions: CPU instructions per request, counted by valgrind (callgrind), for the runtime
 * scenarios of bench/runtime.ts. Wall and CPU time move with whatever else runs on the machine; an
 * instruction count of the server process does not, so this is the figure to compare changes with on a
 * shared machine.
 *
 * Per server: node runs under `valgrind --tool=callgrind --instr-atstart=no` with `--single-threaded
 * --predictable` (GC, JIT and V8's heuristics on the main thread and independent of the clock),
 * NODE_ENV=production. Once it listens, instrumentation is switched on (callgrind_control). Per
 * scenario, on one keep-alive connection, one request at a time: W warm-up requests (JIT tiers, lazily
 * compiled validators), then B blocks of: zero the counters, N requests, dump. Per block, (total −
 * TurboFan's compilation jobs − the total of an empty block) / N; the figure is the median over blocks,
 * with the range. TurboFan is left out: under valgrind it is still tiering functions up for the first
 * few thousand requests (30–120% on top of a block, varying block to block; without valgrind, after
 * 3000 requests it compiles a handful of functions per thousand and deoptimizes none), a one-time cost
 * that outside --predictable runs on a background thread. What remains varies by a scavenge between
 * blocks: the median is a block without one, the mean (also reported) spreads them over requests.
 * The empty block is what a zero + dump costs with no request. Valgrind runs node about 50x slower; a
 * server needs ~15 s to listen.
 *
 *   npm run bench:instructions -- [--servers bare,generated] [--scenarios 0,2] [--n 100] [--blocks 7] [--warmup 2000] [--node-flags '...'] [--json file]
 *
 * Needs valgrind (callgrind_control, vgdb) on PATH. Not part of `npm run bench` (a full run takes minutes).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIOS, SERVERS, type ServerName } from './runtime.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const serverNames = (arg('servers') ?? 'bare,generated').split(',') as ServerName[];
const scenarioIndexes = (arg('scenarios') ?? SCENARIOS.map((_, i) => i).join(',')).split(',').map(Number);
const N = Number(arg('n') ?? 100);
const WARMUP = Number(arg('warmup') ?? 2000);
const BLOCKS = Number(arg('blocks') ?? 7);
const NODE_FLAGS = (arg('node-flags') ?? '--single-threaded --predictable').split(' ').filter(Boolean);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Valgrinded {
  child: ChildProcess;
  port: number;
  outDir: string;
}

async function startUnderCallgrind(name: ServerName): Promise<Valgrinded> {
  const outDir = mkdtempSync(join(tmpdir(), `faultline-instr-${name}-`));
  const args = [
    '--tool=callgrind',
    '--instr-atstart=no',
    `--callgrind-out-file=${join(outDir, 'cg.out')}`,
    '--dump-instr=no',
    '--compress-strings=no',
    process.execPath,
    ...NODE_FLAGS,
    '--import',
    'tsx',
    join(ROOT, SERVERS[name].file),
  ];
  const child = spawn('valgrind', args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not listen within 300 s\n${stderr}`)), 300_000);
    child.once('exit', (code) => fail(new Error(`${name} exited with ${code}\n${stderr}`)));
    child.on('message', (m: { kind?: string; port?: number }) => {
      if (m?.kind !== 'listening') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      done(m.port!);
    });
  });
  control(child, '-i', 'on');
  return { child, port, outDir };
}

function control(child: ChildProcess, ...args: string[]): void {
  execFileSync('callgrind_control', [...args, String(child.pid)], { stdio: 'ignore', timeout: 120_000 });
}

/**
 * Dumps the counters; returns the instructions since the last zero and, of those, what TurboFan's
 * optimizing compiler ran (inclusive cost of its compilation job, from callgrind_annotate).
 */
function dump(server: Valgrinded): { total: number; optimizing: number } {
  const before = new Set(readdirSync(server.outDir));
  control(server.child, '-d');
  const added = readdirSync(server.outDir).filter((f) => !before.has(f));
  if (added.length !== 1) throw new Error(`expected one new dump in ${server.outDir}, found ${added.join(', ') || 'none'}`);
  const file = join(server.outDir, added[0]!);
  const total = /^(?:totals|summary): (\d+)/m.exec(readFileSync(file, 'utf8'));
  if (!total) throw new Error(`no totals in ${added[0]}`);
  const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', file], { maxBuffer: 64 << 20 }).toString();
  let optimizing = 0;
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+) .*PipelineCompilationJob::ExecuteJobImpl/.exec(line);
    if (m) optimizing = Math.max(optimizing, Number(m[1]!.replaceAll(',', '')));
  }
  if (!process.env.KEEP_DUMPS) rmSync(file);
  return { total: Number(total[1]), optimizing };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(port: number, scenario: (typeof SCENARIOS)[number]): Promise<number> {
  const base = scenario.request;
  const setup = base.setupRequest as ((r: typeof base) => typeof base) | undefined;
  const req = setup ? setup({ ...base }) : base;
  const body = typeof req.body === 'string' ? req.body : undefined;
  return new Promise((done, fail) => {
    const r = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.path,
        agent,
        headers: { ...(req.headers ?? {}), ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    r.on('error', fail);
    r.end(body);
  });
}

async function sendMany(port: number, scenario: (typeof SCENARIOS)[number], n: number, statuses: Map<number, number>) {
  for (let i = 0; i < n; i++) {
    const status = await send(port, scenario);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
}

export interface InstructionResult {
  server: ServerName;
  scenario: string;
  /** Median over the blocks of (block total − optimizing compiler − empty block) / N. */
  perRequest: number;
  /** Mean over the blocks: scavenges spread over the requests. */
  mean: number;
  min: number;
  max: number;
  blocks: number[];
  /** Per block: instructions per request of TurboFan's compilation jobs (left out of the figure). */
  optimizing: number[];
  empty: number;
  statuses: Record<string, number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const results: InstructionResult[] = [];
for (const name of serverNames) {
  log(`${name}: starting under callgrind`);
  const server = await startUnderCallgrind(name);
  try {
    for (const index of scenarioIndexes) {
      const scenario = SCENARIOS[index]!;
      const statuses = new Map<number, number>();
      await sendMany(server.port, scenario, WARMUP, new Map());
      // What a zero + dump costs with no request between them (timers, the control commands).
      control(server.child, '-z');
      const empty = dump(server).total;
      const blocks: number[] = [];
      const optimizing: number[] = [];
      for (let b = 0; b < BLOCKS; b++) {
        control(server.child, '-z');
        await sendMany(server.port, scenario, N, statuses);
        const counted = dump(server);
        blocks.push((counted.total - counted.optimizing - empty) / N);
        optimizing.push(counted.optimizing / N);
      }
      const result = {
        server: name,
        scenario: scenario.name,
        perRequest: median(blocks),
        mean: blocks.reduce((a, b) => a + b, 0) / blocks.length,
        min: Math.min(...blocks),
        max: Math.max(...blocks),
        blocks,
        optimizing,
        empty,
        statuses: Object.fromEntries(statuses),
      };
      results.push(result);
      log(
        `${name} ${scenario.name}: ${Math.round(result.perRequest)} instructions/request (${Math.round(result.min)}–${Math.round(result.max)}; statuses ${JSON.stringify(result.statuses)})`,
      );
    }
  } finally {
    await new Promise((done) => {
      server.child.once('exit', done);
      server.child.kill('SIGTERM');
    });
    if (process.env.KEEP_DUMPS) log(`dumps kept in ${server.outDir}`);
    else rmSync(server.outDir, { recursive: true, force: true });
  }
}
agent.destroy();

const rows = scenarioIndexes.map((index) => {
  const scenario = SCENARIOS[index]!.name;
  const per = (n: ServerName) => results.find((r) => r.server === n && r.scenario === scenario)?.perRequest;
  const bare = per('bare');
  const cells = serverNames.map((n) => {
    const v = per(n);
    const r = results.find((x) => x.server === n && x.scenario === scenario);
    return v === undefined || !r ? '' : `${Math.round(v)} (${Math.round(r.min)}–${Math.round(r.max)}; mean ${Math.round(r.mean)})`;
  });
  const gen = per('generated');
  const mean = (n: ServerName) => results.find((r) => r.server === n && r.scenario === scenario)?.mean;
  const [bareMean, genMean] = [mean('bare'), mean('generated')];
  const diff =
    bare !== undefined && gen !== undefined && bareMean !== undefined && genMean !== undefined
      ? `${Math.round(gen - bare)} (${(gen / bare).toFixed(2)}x); mean ${Math.round(genMean - bareMean)} (${(genMean / bareMean).toFixed(2)}x)`
      : '';
  return `| ${scenario} | ${cells.join(' | ')} | ${diff} |`;
});
const table = [
  `| scenario | ${serverNames.join(' | ')} | generated − bare: median (ratio); mean (ratio) |`,
  `|---|${serverNames.map(() => '---|').join('')}---|`,
  ...rows,
].join('\n');
process.stdout.write(
  `Instructions per request (callgrind; median of ${BLOCKS} blocks of ${N} requests after ${WARMUP} warm-up requests, range in parentheses):\n\n${table}\n`,
);
const jsonOut = arg('json');
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ n: N, blocks: BLOCKS, warmup: WARMUP, results }, null, 2)}\n`);

/**
 * Child process for the hostile corpus: runs `faultline generate` (the CLI's `main`, in process) on
 * one or more prepared case folders and records, per case, the exit code, stderr, every file the
 * generator read or wrote, every outgoing connection, time, peak RSS, and whether the canary or
 * Object.prototype changed. Started by hostile.test.ts with --max-old-space-size=512 and a timeout.
 *
 * usage: node --import tsx test/hostile/run-cases.ts <jobs.json> <results.json>
 */
import fs from 'node:fs';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Job {
  id: string;
  /** the case folder: spec/, out/, tmp/, cwd/, secret.txt */
  dir: string;
  spec: string;
  out: string;
  client: boolean;
}

export interface JobResult {
  id: string;
  exit: number | 'threw';
  stdout: string;
  stderr: string;
  ms: number;
  maxRssMb: number;
  reads: string[];
  writes: string[];
  connects: string[];
  canary: unknown;
  prototypeChanged: string[];
}

const [jobsFile, resultsFile] = process.argv.slice(2);
const jobs = JSON.parse(fs.readFileSync(jobsFile, 'utf8')) as Job[];

let reads: string[] = [];
let writes: string[] = [];
let connects: string[] = [];

const toPath = (p: unknown): string | undefined => {
  if (typeof p === 'string') return resolve(p);
  if (p instanceof URL) return p.protocol === 'file:' ? fileURLToPath(p) : String(p);
  if (Buffer.isBuffer(p)) return resolve(p.toString());
  return undefined;
};
const isWriteFlag = (flags: unknown) =>
  typeof flags === 'string'
    ? /[wax+]/.test(flags)
    : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0;

type AnyFn = (...args: any[]) => any;
function wrap(target: any, name: string, record: (args: unknown[]) => void): void {
  const original = target[name] as AnyFn | undefined;
  if (typeof original !== 'function') return;
  target[name] = function (this: unknown, ...args: unknown[]) {
    try {
      record(args);
    } catch {
      /* recording never breaks the call */
    }
    return original.apply(this, args);
  };
}
const rec =
  (list: () => string[], ...indexes: number[]) =>
  (args: unknown[]) => {
    for (const i of indexes.length ? indexes : [0]) {
      const p = toPath(args[i]);
      if (p) list().push(p);
    }
  };
for (const target of [fs, fs.promises]) {
  for (const name of ['readFileSync', 'readFile', 'createReadStream', 'readdirSync', 'readdir', 'opendirSync', 'opendir'])
    wrap(
      target,
      name,
      rec(() => reads),
    );
  for (const name of [
    'writeFileSync',
    'writeFile',
    'appendFileSync',
    'appendFile',
    'createWriteStream',
    'mkdirSync',
    'mkdir',
    'mkdtempSync',
    'mkdtemp',
    'rmSync',
    'rm',
    'unlinkSync',
    'unlink',
    'rmdirSync',
    'rmdir',
    'truncateSync',
    'truncate',
    'utimesSync',
    'chmodSync',
  ])
    wrap(
      target,
      name,
      rec(() => writes),
    );
  for (const name of ['renameSync', 'rename', 'copyFileSync', 'copyFile', 'cpSync', 'cp', 'symlinkSync', 'symlink', 'linkSync', 'link'])
    wrap(
      target,
      name,
      rec(() => writes, 0, 1),
    );
  for (const name of ['openSync', 'open']) {
    wrap(target, name, (args) => {
      const p = toPath(args[0]);
      if (p) (isWriteFlag(args[1]) ? writes : reads).push(p);
    });
  }
}
syncBuiltinESMExports();

const originalConnect = net.Socket.prototype.connect as AnyFn;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const first = args[0] as any;
  connects.push(typeof first === 'object' && first ? `${first.host ?? first.path ?? ''}:${first.port ?? ''}` : String(first));
  return originalConnect.apply(this, args);
} as never;

const protoSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const before = protoSnapshot();

const { main } = await import('../../generator/cli.js');
// Load the whole generator before timing: start-up is not part of a case's 10 s.
await import('../../generator/commands/generate.js');
const results: JobResult[] = [];
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

for (const job of jobs) {
  reads = [];
  writes = [];
  connects = [];
  const stdout: string[] = [];
  const stderr: string[] = [];
  process.env.TMPDIR = resolve(job.dir, 'tmp');
  peakRss = process.memoryUsage().rss;
  const started = performance.now();
  let exit: number | 'threw';
  try {
    const argv = ['generate', job.spec, '--out', job.out, '--quiet', ...(job.client ? [] : ['--no-client'])];
    exit = await main(argv, {
      cwd: resolve(job.dir, 'cwd'),
      stdout: (t) => void stdout.push(t),
      stderr: (t) => void stderr.push(t),
      isTTY: false,
      env: { ...process.env },
    });
  } catch (err) {
    exit = 'threw';
    stderr.push(String((err as Error)?.stack ?? err));
  }
  const ms = performance.now() - started;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const after = protoSnapshot();
  results.push({
    id: job.id,
    exit,
    stdout: stdout.join(''),
    stderr: stderr.join(''),
    ms,
    maxRssMb: Math.round(peakRss / 1048576),
    reads: [...new Set(reads)],
    writes: [...new Set(writes)],
    connects,
    canary: (globalThis as Record<string, unknown>).__PWNED__,
    prototypeChanged: after === before ? [] : after.split(',').filter((n) => !before.split(',').includes(n)),
  });
  // Leave nothing for the next job to be blamed for.
  delete (globalThis as Record<string, unknown>).__PWNED__;
  fs.writeFileSync(resultsFile, JSON.stringify(results));
}
clearInterval(sampler);
process.exit(0);

/**
 * Where the microseconds go: runs one bench server under `node --cpu-prof` (NODE_ENV=production),
 * sends one scenario of bench/runtime for a few seconds, and prints self time per function and per
 * area (faultline runtime, express, body parsing, ajv, node http, ...) as a share of all samples and
 * as microseconds per request. Absolute figures are as noisy as the machine; shares are what to read.
 *
 *   npx tsx bench/profile.ts <server: generated|fastify|peer|bare> <scenario index 0-5> [seconds]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServer, pinSelf } from './lib/server.js';
import { SCENARIOS, SERVERS, type ServerName } from './runtime.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const name = (process.argv[2] ?? 'generated') as ServerName;
const scenario = SCENARIOS[Number(process.argv[3] ?? 0)];
const seconds = Number(process.argv[4] ?? 5);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const AREAS: Array<[RegExp, string]> = [
  [/runtime\/validate\//, 'faultline validation'],
  [/runtime\//, 'faultline runtime'],
  [/fastify|find-my-way|light-my-request|avvio|secure-json-parse/, 'fastify'],
  [/body-parser|raw-body|iconv|type-is|content-type|media-typer/, 'body parsing'],
  [/ajv|fast-uri|ajv-formats/, 'ajv'],
  [/pino|sonic-boom/, 'logging'],
  [/etag|fresh/, 'etag'],
  [/express|router\/|path-to-regexp|finalhandler|send|serve-static|qs\/|parseurl|on-finished/, 'express'],
  [/^node:|^internal|^$/, 'node core'],
];

const dir = mkdtempSync(join(tmpdir(), 'faultline-profile-'));
pinSelf();
const server = await startServer(join(ROOT, SERVERS[name].file), {
  cwd: ROOT,
  env: { NODE_ENV: 'production', LOG_LEVEL: 'warn' },
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
});
await autocannon({ url: `http://127.0.0.1:${server.port}`, connections: 50, duration: 1, requests: [scenario.request] });
const before = await server.mark();
await autocannon({ url: `http://127.0.0.1:${server.port}`, connections: 50, duration: seconds, requests: [scenario.request] });
const after = await server.mark();
// --cpu-prof writes on a normal exit only: the harness exits(0) when the parent disconnects.
await new Promise<void>((done) => {
  server.child.once('exit', () => done());
  server.child.disconnect();
});
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};
rmSync(dir, { recursive: true, force: true });

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
// Only the samples taken during the measured run: start-up, module loading and warm-up are left out.
let clock = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock < before.monoMicros || clock > after.monoMicros) continue;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self]
  .filter(([id]) => /\((idle|program|garbage collector)\)/.test(byId.get(id)!.callFrame.functionName))
  .reduce((n, [, t]) => n + t, 0);
const served = after.served - before.served;
const perReq = (us: number) => (us / Math.max(1, served)).toFixed(2);
const fns = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, t] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const short = url
    .replace(/^file:\/\//, '')
    .replace(ROOT, '')
    .replace(/.*node_modules\//, '');
  const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
  const area = /\((garbage collector)\)/.test(functionName)
    ? 'gc'
    : /\((idle|program)\)/.test(functionName)
      ? 'idle/program'
      : (AREAS.find(([re]) => re.test(short))?.[1] ?? 'other');
  areas.set(area, (areas.get(area) ?? 0) + t);
}
console.log(
  `${name} / ${scenario.name}: ${served} requests in the profile window, ` +
    `${((after.cpuMicros - before.cpuMicros) / served).toFixed(1)} us CPU/req (process.cpuUsage), samples ` +
    `${(total / 1000).toFixed(0)} ms (idle ${(idle / 1000).toFixed(0)} ms)`,
);
console.log('\nby area (share of samples in the measured run; us/req of sampled time):');
for (const [area, t] of [...areas].sort((a, b) => b[1] - a[1]))
  console.log(`  ${area.padEnd(24)} ${((t / total) * 100).toFixed(1).padStart(5)}%  ${perReq(t)}`);
console.log('\ntop functions (self time):');
for (const [key, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40)))
  console.log(`  ${((t / total) * 100).toFixed(1).padStart(5)}%  ${key}`);

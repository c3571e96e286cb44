/**
 * bench/gc: what the garbage collector costs per request, bare Express against the generated service,
 * at 1 connection and at 50 (the autocannon figures' concurrency). Per scenario, connection count and
 * round, each server answers a fixed number of requests (autocannon `amount`), interleaved
 * bare/generated; the child records every collection in the window (node:v8 GCProfiler) and its CPU time.
 *
 * Printed per server: bytes allocated per request, scavenges and mark-sweeps per 10,000 requests, bytes
 * promoted to the old generation per request, GC pause µs per request and CPU µs per request, medians of
 * the rounds. Allocation and GC counts depend on the code, not on the machine's load, so they compare
 * across runs; the CPU figures are as noisy as the machine is, and only the 1-vs-50 contrast matters.
 *
 * `--alloc DIR` adds, per scenario, one sampled allocation profile per server at 50 connections (DIR/<scenario
 * index>-<server>.heapprofile, young garbage included) and prints the functions that allocate most beyond bare.
 *
 * Run: `npm run bench:gc -- [--amount 10000] [--rounds 3] [--connections 1,50] [--scenarios 0,2] [--json file] [--alloc DIR]
 * [--node-args=--no-turbo-inlining]` (the last attributes allocations to the function that makes them, not its inliner)`
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { GcWindow } from './lib/gc-window.js';
import { topAllocations } from './lib/alloc-top.js';
import { pinSelf, startServer, type RunningServer } from './lib/server.js';
import { summarize } from './lib/stats.js';
import { SCENARIOS, SERVERS } from './runtime.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NAMES = ['bare', 'generated'] as const;
type Name = (typeof NAMES)[number];

const { values } = parseArgs({
  options: {
    amount: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,50' },
    scenarios: { type: 'string' },
    json: { type: 'string' },
    alloc: { type: 'string' },
    'node-args': { type: 'string' },
  },
});
const amount = Number(values.amount);
const rounds = Number(values.rounds);
const connectionCounts = values.connections!.split(',').map(Number);
const scenarioIndexes = values.scenarios ? values.scenarios.split(',').map(Number) : SCENARIOS.map((_, i) => i);

interface Sample extends GcWindow {
  cpuMicrosPerReq: number;
}

function ask<T>(server: RunningServer, cmd: string, kind: string, pick: (m: Record<string, unknown>) => T): Promise<T> {
  return new Promise((done) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (m?.kind !== kind) return;
      server.child.off('message', onMessage);
      done(pick(m));
    };
    server.child.on('message', onMessage);
    server.child.send({ cmd });
  });
}

async function run(server: RunningServer, request: autocannon.Request, connections: number, count: number): Promise<Sample> {
  await ask(server, 'gc-start', 'gc-started', () => undefined);
  const before = await server.mark();
  await autocannon({ url: `http://127.0.0.1:${server.port}`, connections, amount: count, requests: [request] });
  const after = await server.mark();
  const window = await ask(server, 'gc-stop', 'gc-window', (m) => m.window as GcWindow);
  return { ...window, cpuMicrosPerReq: (after.cpuMicros - before.cpuMicros) / Math.max(1, after.served - before.served) };
}

function perRequest(samples: Sample[]) {
  const med = (f: (s: Sample) => number) => summarize(samples.map(f)).median;
  return {
    allocatedBytesPerReq: med((s) => s.allocatedBytes / s.requests),
    scavengesPer10k: med((s) => (s.scavenges * 10_000) / s.requests),
    markSweepsPer10k: med((s) => (s.markSweeps * 10_000) / s.requests),
    promotedBytesPerReq: med((s) => s.promotedBytes / s.requests),
    gcMicrosPerReq: med((s) => s.gcMicros / s.requests),
    cpuMicrosPerReq: med((s) => s.cpuMicrosPerReq),
  };
}

pinSelf();
const servers = {} as Record<Name, RunningServer>;
const results: unknown[] = [];
try {
  for (const name of NAMES)
    servers[name] = await startServer(join(ROOT, SERVERS[name].file), {
      cwd: ROOT,
      env: { NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      nodeArgs: values['node-args']?.split(' ').filter(Boolean),
    });
  for (const index of scenarioIndexes) {
    const scenario = SCENARIOS[index]!;
    // warm-up (JIT, validators compiled on first use), not recorded
    for (const name of NAMES) await run(servers[name], scenario.request, 50, Math.min(amount, 5000));
    for (const connections of connectionCounts) {
      const samples: Record<Name, Sample[]> = { bare: [], generated: [] };
      for (let round = 0; round < rounds; round++)
        for (const name of NAMES) samples[name].push(await run(servers[name], scenario.request, connections, amount));
      const row = { scenario: scenario.name, connections, bare: perRequest(samples.bare), generated: perRequest(samples.generated) };
      results.push({ ...row, samples });
      const fmt = (r: ReturnType<typeof perRequest>) =>
        `${(r.allocatedBytesPerReq / 1024).toFixed(1)} KB alloc, ${r.scavengesPer10k.toFixed(1)} scav + ` +
        `${r.markSweepsPer10k.toFixed(2)} MS /10k, ${r.promotedBytesPerReq.toFixed(0)} B promoted, ` +
        `GC ${r.gcMicrosPerReq.toFixed(1)} µs, CPU ${r.cpuMicrosPerReq.toFixed(1)} µs`;
      console.log(`${scenario.name} c=${connections}\n  bare:      ${fmt(row.bare)}\n  generated: ${fmt(row.generated)}`);
    }
    if (values.alloc) {
      const file = (name: Name) => join(resolve(values.alloc!), `${index}-${name}.heapprofile`);
      for (const name of NAMES) {
        await ask(servers[name], 'alloc-start', 'alloc-started', () => undefined);
        await run(servers[name], scenario.request, 50, amount);
        await new Promise<void>((done) => {
          const onMessage = (m: { kind?: string }) => {
            if (m?.kind !== 'alloc-stopped') return;
            servers[name].child.off('message', onMessage);
            done();
          };
          servers[name].child.on('message', onMessage);
          servers[name].child.send({ cmd: 'alloc-stop', file: file(name) });
        });
      }
      console.log(`  sampled allocations, generated minus bare (B/request, ${amount} requests each):`);
      for (const line of topAllocations(file('generated'), amount, { file: file('bare'), requests: amount })) console.log(`    ${line}`);
    }
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await Promise.all(Object.values(servers).map((s) => s.stop()));
}

/**
 * The harness every benchmarked server runs in: listen on 127.0.0.1 (port 0), tell the parent the
 * port over IPC, and on {cmd: 'mark'} answer with this process's CPU time and the number of
 * requests served so far, so the parent computes CPU microseconds per request over a run.
 */
import type { Server } from 'node:http';
import type { RequestListener } from 'node:http';
import { GCProfiler } from 'node:v8';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { summarizeGc, type GcWindow } from '../lib/gc-window.js';

export interface Mark {
  cpuMicros: number;
  served: number;
  rssMb: number;
  /** Monotonic clock in microseconds (the clock of --cpu-prof samples), so a profile can be cut to a run. */
  monoMicros: number;
}

export function serve(app: RequestListener, started = performance.now()): Server {
  let served = 0;
  const server = (app as unknown as { listen: (port: number, host: string, cb: () => void) => Server }).listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // performance.now() counts from process start: sinceStartMs includes Node's and the loader's own start-up
    const cpu = process.cpuUsage();
    process.send?.({
      kind: 'listening',
      port,
      bootMs: performance.now() - started,
      sinceStartMs: performance.now(),
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  });
  server.on('request', (_req, res) => res.on('finish', () => served++));
  server.keepAliveTimeout = 60_000;
  let gcProfiler: GCProfiler | undefined;
  let gcStart: { usedHeap: number; served: number } | undefined;
  process.on('message', (message: { cmd?: string }) => {
    // bench/gc.ts: every collection between gc-start and gc-stop, with the heap before and after it
    if (message?.cmd === 'gc-start') {
      gcProfiler = new GCProfiler();
      gcProfiler.start();
      gcStart = { usedHeap: process.memoryUsage().heapUsed, served };
      process.send?.({ kind: 'gc-started' });
    }
    if (message?.cmd === 'gc-stop' && gcProfiler && gcStart) {
      const window: GcWindow = summarizeGc(gcProfiler.stop(), gcStart.usedHeap, process.memoryUsage().heapUsed, served - gcStart.served);
      gcProfiler = undefined;
      process.send?.({ kind: 'gc-window', window });
    }
    // bench/gc.ts --alloc: sampled allocations, the young generation's garbage included
    if (message?.cmd === 'alloc-start') void startAllocationSampling().then(() => process.send?.({ kind: 'alloc-started' }));
    if (message?.cmd === 'alloc-stop')
      void stopAllocationSampling((message as { file?: string }).file!).then(() => process.send?.({ kind: 'alloc-stopped' }));
    if (message?.cmd === 'mark') {
      const cpu = process.cpuUsage();
      const mark: Mark = {
        cpuMicros: cpu.user + cpu.system,
        served,
        rssMb: process.memoryUsage().rss / 2 ** 20,
        monoMicros: Number(process.hrtime.bigint() / 1000n),
      };
      process.send?.({ kind: 'mark', mark });
    }
  });
  process.on('disconnect', () => process.exit(0));
  return server;
}

let session: Session | undefined;

async function startAllocationSampling(): Promise<void> {
  session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 512,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
}

async function stopAllocationSampling(file: string): Promise<void> {
  const { profile } = (await session!.post('HeapProfiler.stopSampling')) as { profile: unknown };
  writeFileSync(file, JSON.stringify(profile));
  session!.disconnect();
  session = undefined;
}

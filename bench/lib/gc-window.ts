/**
 * What the garbage collector did over a window of requests, from node:v8's GCProfiler (each
 * collection with the heap's statistics before and after it). Allocation is not counted by V8 as a
 * total, so it is reconstructed: what the heap grew between collections plus what each collection
 * freed. Promotion is the old generation's growth across a scavenge (what survived twice and moved).
 */
import type { GCProfilerResult } from 'node:v8';

export interface GcWindow {
  requests: number;
  scavenges: number;
  /** Full collections (mark-sweep-compact), whether or not incremental marking preceded them. */
  markSweeps: number;
  /** Bytes allocated on the JS heap over the window. */
  allocatedBytes: number;
  /** Bytes moved into the old generation by scavenges. */
  promotedBytes: number;
  /** Microseconds the collections took (main thread pause, as V8 reports their cost). */
  gcMicros: number;
}

type Stats = GCProfilerResult['statistics'][number];
type HeapSide = Stats['beforeGC'];

function space(side: HeapSide, name: string): number {
  return side.heapSpaceStatistics.find((s) => s.spaceName === name)?.spaceUsedSize ?? 0;
}

const OLD_SPACES = ['old_space', 'large_object_space', 'code_space', 'code_large_object_space'];

export function summarizeGc(result: GCProfilerResult, usedAtStart: number, usedAtEnd: number, requests: number): GcWindow {
  const window: GcWindow = { requests, scavenges: 0, markSweeps: 0, allocatedBytes: 0, promotedBytes: 0, gcMicros: 0 };
  let used = usedAtStart;
  for (const gc of result.statistics) {
    const before = gc.beforeGC.heapStatistics.usedHeapSize;
    const after = gc.afterGC.heapStatistics.usedHeapSize;
    window.allocatedBytes += Math.max(0, before - used);
    used = after;
    window.gcMicros += gc.cost;
    if (gc.gcType === 'Scavenge' || gc.gcType === 'MinorMarkCompact') {
      window.scavenges++;
      const grew = OLD_SPACES.reduce((n, name) => n + space(gc.afterGC, name) - space(gc.beforeGC, name), 0);
      window.promotedBytes += Math.max(0, grew);
    } else if (gc.gcType === 'MarkSweepCompact') window.markSweeps++;
  }
  window.allocatedBytes += Math.max(0, usedAtEnd - used);
  return window;
}

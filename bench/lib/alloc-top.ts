/**
 * Reads a sampled heap profile (HeapProfiler.stopSampling, young garbage included) and totals the
 * sampled bytes per allocating function: `function file:line`. Sampled, so an estimate (the interval
 * bench/gc.ts uses is 512 bytes), but with the same interval for both servers the difference is fair.
 */
import { readFileSync } from 'node:fs';

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

export function allocationsByFunction(file: string): Map<string, number> {
  const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: Node };
  const totals = new Map<string, number>();
  const walk = (node: Node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|templates|output|bench)\//, '$1/')}:${lineNumber + 1}`;
    if (node.selfSize) totals.set(key, (totals.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(head);
  return totals;
}

/** Lines "bytes/request  function": the functions that allocate most, and (with `base`) most beyond base. */
export function topAllocations(file: string, requests: number, base?: { file: string; requests: number }, count = 25): string[] {
  const mine = allocationsByFunction(file);
  const theirs = base ? allocationsByFunction(base.file) : new Map<string, number>();
  const keys = new Set([...mine.keys(), ...theirs.keys()]);
  const rows = [...keys].map((key) => {
    const own = (mine.get(key) ?? 0) / requests;
    const other = base ? (theirs.get(key) ?? 0) / base.requests : 0;
    return { key, own, delta: own - other };
  });
  rows.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  return rows.slice(0, count).map((r) => `${r.delta.toFixed(0).padStart(7)} B/req (own ${r.own.toFixed(0)})  ${r.key}`);
}

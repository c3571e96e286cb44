/**
 * Bench hygiene: numbers measured while other work runs on the machine are not reported as if they
 * were not. Before a run, the 1-minute load average and one second of /proc/stat CPU time decide
 * whether the machine is visibly busy; `--allow-busy` (or BENCH_ALLOW_BUSY=1) measures anyway and
 * every table is then labelled noisy. Load average alone lags by a minute, the /proc/stat sample does
 * not; either one over its limit is enough to refuse.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface MachineLoad {
  /** 1-minute load average before the run. */
  load1: number;
  cores: number;
  /** Share of all cores busy during one second before the run (NaN where /proc/stat is missing). */
  busyShare: number;
  busy: boolean;
  /** true when the run went ahead although the machine was busy. */
  allowed: boolean;
  reason?: string;
}

/** Limits: load above a quarter of the cores, or more than 15% of CPU time busy. */
export const LOAD_PER_CORE_LIMIT = 0.25;
export const BUSY_SHARE_LIMIT = 0.15;

function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

export async function machineLoad(allowBusy: boolean, sampleMs = 1000): Promise<MachineLoad> {
  const cores = cpus().length;
  const before = cpuTicks();
  await new Promise((r) => setTimeout(r, sampleMs));
  const after = cpuTicks();
  const busyShare = before && after && after.total > before.total ? (after.busy - before.busy) / (after.total - before.total) : NaN;
  const load1 = loadavg()[0];
  const reasons: string[] = [];
  if (load1 > cores * LOAD_PER_CORE_LIMIT)
    reasons.push(`1-minute load average ${load1.toFixed(2)} on ${cores} cores (limit ${(cores * LOAD_PER_CORE_LIMIT).toFixed(2)})`);
  if (busyShare > BUSY_SHARE_LIMIT)
    reasons.push(`${(busyShare * 100).toFixed(0)}% of CPU time busy in the last second (limit ${BUSY_SHARE_LIMIT * 100}%)`);
  const busy = reasons.length > 0;
  return { load1, cores, busyShare, busy, allowed: busy && allowBusy, reason: busy ? reasons.join('; ') : undefined };
}

/** Throws (the bench refuses to report) when the machine is busy and the override was not given. */
export function refuseWhenBusy(load: MachineLoad): void {
  if (load.busy && !load.allowed) {
    throw new Error(
      `the machine is visibly busy: ${load.reason}. Numbers measured now would be noise. Wait for it to calm down, or run with ` +
        `--allow-busy (BENCH_ALLOW_BUSY=1) to measure anyway; the report is then labelled noisy.`,
    );
  }
}

/** The line every table of a noisy run carries. */
export function noisyLabel(load: MachineLoad | undefined): string | undefined {
  if (!load?.busy) return undefined;
  return (
    `**NOISY: measured on a busy machine** (${load.reason}; run with --allow-busy). Absolute figures are not comparable with a ` +
    `quiet run; ratios and differences between servers measured side by side in the same rounds are the meaningful part.`
  );
}

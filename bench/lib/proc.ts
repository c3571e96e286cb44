/**
 * Whole-process measurement: wall time and peak RSS of one command. Peak RSS comes from GNU time
 * (`/usr/bin/time -v`, "Maximum resident set size") when installed; otherwise /proc/<pid>/status
 * VmHWM is polled every 20 ms (which can miss a short final spike, hence the preference).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface RunResult {
  wallMs: number;
  peakRssMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
export const rssSource = existsSync(GNU_TIME)
  ? 'GNU time -v (max RSS of the process tree leader)'
  : '/proc/<pid>/status VmHWM polled every 20 ms';

export function runMeasured(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', cmd, ...args]] : [cmd, [...args]];
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledKb = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = useTime
      ? undefined
      : setInterval(() => {
          const m = /VmHWM:\s+(\d+)/.exec(safeRead(`/proc/${child.pid}/status`));
          if (m) polledKb = Math.max(polledKb, Number(m[1]));
        }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let peakKb = polledKb;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        peakKb = m ? Number(m[1]) : NaN;
        const exit = /Exit status: (\d+)/.exec(stderr);
        if (exit) code = Number(exit[1]);
        stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
      }
      resolveRun({ wallMs, peakRssMb: peakKb / 1024, code, stdout, stderr });
    });
  });
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

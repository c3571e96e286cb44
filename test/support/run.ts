/** Runs the real CLI (bin/faultline.js) or tsc in a child process and captures its output. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './tmp.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export function faultline(args: string[], cwd = REPO): Ran {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/faultline.js'), ...args], { cwd, encoding: 'utf8', timeout: 600_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `buildInfo`: a file for tsc's incremental state, for a test that compiles one project several times
 * between edits: files whose inputs did not change keep their diagnostics instead of being checked again.
 */
export function tsc(project: string, buildInfo?: string): Ran {
  const incremental = buildInfo ? ['--incremental', '--tsBuildInfoFile', buildInfo] : [];
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', ...incremental, '-p', project], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

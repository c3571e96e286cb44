/** Starts a benchmark server in its own child process (pinned to one core when taskset exists). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Mark } from '../servers/child.js';

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
export const SERVER_CORE = 1;
export const LOAD_CORE = 0;

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** Time from spawn to listening, as seen by the parent. */
  listenMs: number;
  /** As the child saw it when listening: since its process started, since its entry module ran (modules loaded, app built), its CPU time. */
  reported: { sinceStartMs?: number; bootMs?: number; cpuMs?: number };
  mark(): Promise<Mark>;
  stop(): Promise<void>;
}

export const pinning = TASKSET ? `server on core ${SERVER_CORE}, load generator on core ${LOAD_CORE} (taskset)` : 'no taskset: not pinned';

/** Pins this (load generator) process to its core, all threads. */
export function pinSelf(): void {
  if (TASKSET) spawnSync(TASKSET, ['-a', '-p', '-c', String(LOAD_CORE), String(process.pid)], { stdio: 'ignore' });
}

/**
 * `loader: 'none'` runs `file` (JavaScript) with plain node, no TypeScript loader. An `env` key set to
 * undefined is removed from the inherited environment.
 */
export function startServer(
  file: string,
  opts: { cwd: string; env?: Record<string, string | undefined>; nodeArgs?: string[]; loader?: 'tsx' | 'none' },
): Promise<RunningServer> {
  const started = performance.now();
  const nodeArgs = [...(opts.loader === 'none' ? [] : ['--import', 'tsx']), ...(opts.nodeArgs ?? []), file];
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  for (const [key, value] of Object.entries(opts.env ?? {})) if (value === undefined) delete env[key];
  const [cmd, args] = TASKSET ? [TASKSET, ['-c', String(SERVER_CORE), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child = spawn(cmd, args, { cwd: opts.cwd, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolveStart, reject) => {
    // a hang guard, not a timing target: the bench smoke test starts servers while both cores are busy
    const timer = setTimeout(() => reject(new Error(`${file} did not listen within 300 s\n${stderr}`)), 300_000);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}\n${stderr}`)));
    child.on(
      'message',
      function onListening(message: { kind?: string; port?: number; sinceStartMs?: number; bootMs?: number; cpuMs?: number }) {
        if (message?.kind !== 'listening') return;
        clearTimeout(timer);
        child.off('message', onListening);
        child.removeAllListeners('exit');
        const server: RunningServer = {
          child,
          port: message.port!,
          listenMs: performance.now() - started,
          reported: { sinceStartMs: message.sinceStartMs, bootMs: message.bootMs, cpuMs: message.cpuMs },
          mark: () =>
            new Promise((resolveMark) => {
              const onMark = (m: { kind?: string; mark?: Mark }) => {
                if (m?.kind !== 'mark') return;
                child.off('message', onMark);
                resolveMark(m.mark!);
              };
              child.on('message', onMark);
              child.send({ cmd: 'mark' });
            }),
          stop: () =>
            new Promise((resolveStop) => {
              if (child.exitCode !== null) return resolveStop();
              child.once('exit', () => resolveStop());
              child.kill('SIGTERM');
            }),
        };
        resolveStart(server);
      },
    );
  });
}

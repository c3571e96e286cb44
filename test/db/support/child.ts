/**
 * Runs a service as a child process, the way a user or a supervisor does, and reads its JSON log.
 * LOG_LEVEL=info because vitest sets NODE_ENV=test, under which the runtime's logger is silent.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  child: ChildProcess;
  base: string;
  /** Every stdout/stderr line so far. */
  output: string[];
  /** Resolves with the first log line whose msg matches. */
  waitFor(msg: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when stdout is closed by every process of the group (exit code of the spawned one). */
  exited: Promise<number | null>;
}

// If the test process ends abruptly, take the services with it: an orphan keeps its port and,
// with nobody reading its stdout, can block on a full pipe instead of shutting down.
const spawned = new Set<number>();
process.on('exit', () => {
  for (const pid of spawned) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export async function startService(command: string, args: string[], env: Record<string, string>): Promise<ServiceProcess> {
  // detached: its own process group, so a signal reaches npm, sh, tsx and node like a Ctrl-C would.
  const child = spawn(command, args, {
    cwd: new URL('../../..', import.meta.url).pathname,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child.pid!);
  const output: string[] = [];
  const waiters: Array<{ msg: RegExp; resolve: (line: string) => void }> = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      for (const w of [...waiters]) {
        if (!w.msg.test(messageOf(line))) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let code: number | null = null;
  child.on('exit', (c) => (code = c));
  const exited = new Promise<number | null>((resolve) => child.stdout!.on('close', () => setTimeout(() => resolve(code), 50)));
  const waitFor = (msg: RegExp, timeoutMs = 120_000) => {
    const seen = output.find((line) => msg.test(messageOf(line)));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line ${msg} within ${timeoutMs} ms; got:\n${output.join('\n')}`)), timeoutMs);
      waiters.push({ msg, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  };
  let listening: { port: number };
  try {
    // A service that dies while starting fails the test at once, with its output.
    const died = exited.then((exitCode) => Promise.reject(new Error(`exited with ${exitCode} before listening:\n${output.join('\n')}`)));
    listening = JSON.parse(await Promise.race([waitFor(/^listening$/), died])) as { port: number };
  } catch (error) {
    signalGroup({ child } as ServiceProcess, 'SIGKILL');
    throw error;
  }
  return { child, base: `http://127.0.0.1:${listening.port}`, output, waitFor, exited };
}

/** Signals the whole process group; a group that is already gone is fine. */
export function signalGroup(service: ServiceProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-service.child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function messageOf(line: string): string {
  try {
    return String((JSON.parse(line) as { msg?: unknown }).msg ?? '');
  } catch {
    return line;
  }
}

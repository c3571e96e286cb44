/**
 * client/, by @hey-api/openapi-ts with its fetch client. hey-api writes to disk only, so it writes
 * into a private temporary folder and the files are read back into memory; the caller decides where
 * they land. It gets the normalized spec, whose remaining `$ref`s are all local: it never fetches.
 *
 * Two hazards of running a code generator inside someone else's repository are closed here:
 * hey-api loads (and so runs) an `openapi-ts.config.*` from the working folder unless told which
 * config file to use, so it is pointed at an empty one of ours; and the spec it gets is a copy made
 * for it (client-spec.ts: names it crashes on, query styles its types reject, OpenAPI 3.2 parts).
 * If hey-api still fails, the failure is a CLIENT_FAILED warning (see clientOrProblem), never a crash.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { listFiles } from '../write.js';
import { PACKAGE_ROOT } from '../paths.js';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { clientSpec } from './client-spec.js';
import type { Diagnostic } from '../diagnostics.js';

export interface ClientWorker {
  /** Generates the client of `document`; resolves with its files keyed by path. */
  run(document: object): Promise<Map<string, string>>;
  /** Stops the worker when no client is needed after all (spec errors, an up-to-date --check). */
  stop(): void;
}

/**
 * A worker whose job is done, hey-api still loaded: the next client of this process (the corpus tests,
 * `--watch`, a script calling generate() in a loop) takes it instead of loading hey-api again, which
 * costs more than a small spec's client. Unreferenced, so it never keeps the process alive, and ended
 * after a short idle spell so a long-lived process does not hold hey-api's memory for nothing.
 */
let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined;
const IDLE_MS = 10_000;

function takeWorker(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    idle = undefined;
    clearTimeout(timer);
    return worker;
  }
  // plain JavaScript in the sources, so the same file serves the TypeScript sources and the bundle
  const worker = new Worker(join(PACKAGE_ROOT, 'generator/emit/client-worker.mjs'));
  // a worker that ends while idle is never handed out
  worker.on('exit', () => {
    if (idle?.worker !== worker) return;
    clearTimeout(idle.timer);
    idle = undefined;
  });
  return worker;
}

/** Keeps a healthy worker for the next run (one at most); ends any other. */
function release(worker: Worker): void {
  worker.unref();
  if (idle) return void worker.terminate();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = undefined;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

/**
 * Starts the worker at once (or takes the idle one), so hey-api's modules load while the spec is read;
 * `run` then hands it the document and the caller awaits the result after doing its own work. On two
 * cores the client costs little more than hey-api alone.
 */
export function startClientWorker(): ClientWorker {
  const worker = takeWorker();
  worker.unref();
  let used = false;
  return {
    // a worker that ran no job is as good as new
    stop: () => void (used ? undefined : release(worker)),
    run(document) {
      if (used) throw new Error('a client worker runs one job');
      used = true;
      const work = mkdtempSync(join(tmpdir(), 'faultline-client-'));
      const dir = join(work, 'out');
      mkdirSync(dir);
      const configFile = join(work, 'openapi-ts.config.mjs');
      writeFileSync(configFile, 'export default {};\n');
      let json: string;
      try {
        json = JSON.stringify(clientSpec(document as Record<string, unknown>));
      } catch (error) {
        // the client's copy failed to build: a CLIENT_FAILED warning like any hey-api failure, never a crash
        rmSync(work, { recursive: true, force: true });
        release(worker);
        return Promise.reject(error);
      }
      worker.ref();
      let healthy = false;
      const done = new Promise<Map<string, string>>((resolve, reject) => {
        const onError = (error: Error) => finish(() => reject(error));
        const onExit = (code: number) => finish(() => reject(new Error(`the client worker exited with code ${code}`)));
        const onMessage = (result: { ok: boolean; message?: string }) =>
          finish(() => {
            if (!result.ok) return reject(new Error(`@hey-api/openapi-ts failed: ${result.message}`));
            // only a worker whose run went well is kept: after a failure, hey-api's state is unknown
            healthy = true;
            try {
              resolve(readOutput(dir));
            } catch (error) {
              reject(error);
            }
          });
        const finish = (settle: () => void) => {
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          settle();
        };
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      });
      worker.postMessage({ json, configFile, out: dir, env: { ...process.env } });
      return done.finally(() => {
        if (healthy) release(worker);
        else void worker.terminate();
        rmSync(work, { recursive: true, force: true });
      });
    },
  };
}

/**
 * hey-api's client core (client/client/ and client/core/: the same fetch runtime for every spec) does
 * not type-check under exactOptionalPropertyTypes (hey-api/hey-api#2262 and #2363; 0.99 still writes
 * `map: config.map` into `map?: string`), so a project whose strict tsconfig includes the output would
 * fail on code neither it nor faultline owns. Its implementation files get `// @ts-nocheck`: their
 * types still reach sdk.gen.ts and callers, and the spec's own files (sdk.gen.ts, types.gen.ts,
 * client.gen.ts) and the core's type declarations (`types.gen.ts`) are still checked.
 */
export function withCoreUnchecked(name: string, text: string): string {
  if (!/^(client|core)\/[^/]+\.gen\.ts$/.test(name) || name.endsWith('/types.gen.ts')) return text;
  return `// @ts-nocheck -- hey-api's client runtime; see README "Strict tsconfig flags"\n${text}`;
}

/** One-off: start a worker and run it. */
export function emitClient(document: object): Promise<Map<string, string>> {
  return startClientWorker().run(document);
}

function readOutput(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of listFiles(dir)) files.set(relative(dir, file).split('\\').join('/'), readFileSync(file, 'utf8'));
  return files;
}

/**
 * The client's files, or none and a warning: a hey-api failure (a bug of hey-api on a spec faultline
 * accepts) never stops the service from being generated, and never prints a stack.
 */
export async function clientOrProblem(
  client: Promise<Map<string, string>>,
): Promise<{ files: Map<string, string>; problem?: Omit<Diagnostic, 'file' | 'line'> }> {
  try {
    return { files: await client };
  } catch (error) {
    const reason = String((error as Error)?.message ?? error)
      .split('\n')[0]
      .slice(0, 500);
    return {
      files: new Map(),
      problem: {
        code: 'CLIENT_FAILED',
        severity: 'warning',
        pointer: '#',
        message: `the typed client (generated/client/) was left out: ${reason}. The service itself is complete`,
        fix:
          'pass --no-client to generate the service without the client (and silence this), ' +
          'or generate the client from generated/openapi.json with another tool',
      },
    };
  }
}

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
 * Starts the worker at once, so hey-api's modules load while the spec is read; `run` then hands it the
 * document and the caller awaits the result after doing its own work. On two cores the client costs
 * little more than hey-api alone.
 */
export function startClientWorker(): ClientWorker {
  // plain JavaScript in the sources, so the same file serves the TypeScript sources and the bundle
  const worker = new Worker(join(PACKAGE_ROOT, 'generator/emit/client-worker.mjs'));
  worker.unref();
  let used = false;
  return {
    stop: () => void worker.terminate(),
    run(document) {
      if (used) throw new Error('a client worker runs one job');
      used = true;
      const work = mkdtempSync(join(tmpdir(), 'faultline-client-'));
      const dir = join(work, 'out');
      mkdirSync(dir);
      const configFile = join(work, 'openapi-ts.config.mjs');
      writeFileSync(configFile, 'export default {};\n');
      const json = JSON.stringify(clientSpec(document as Record<string, unknown>));
      worker.ref();
      const done = new Promise<Map<string, string>>((resolve, reject) => {
        worker.once('message', (result: { ok: boolean; message?: string }) => {
          if (result.ok) resolve(readOutput(dir));
          else reject(new Error(`@hey-api/openapi-ts failed: ${result.message}`));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the client worker exited with code ${code}`)));
      });
      worker.postMessage({ json, configFile, out: dir });
      return done.finally(() => {
        void worker.terminate();
        rmSync(work, { recursive: true, force: true });
      });
    },
  };
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
export async function clientOrProblem(client: Promise<Map<string, string>>): Promise<{ files: Map<string, string>; problem?: Omit<Diagnostic, 'file' | 'line'> }> {
  try {
    return { files: await client };
  } catch (error) {
    const reason = String((error as Error)?.message ?? error).split('\n')[0].slice(0, 500);
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

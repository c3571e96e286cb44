/**
 * client/, by @hey-api/openapi-ts with its fetch client. hey-api writes to disk only, so it writes
 * into a private temporary folder and the files are read back into memory; the caller decides where
 * they land. It gets the normalized spec, whose remaining `$ref`s are all local: it never fetches.
 *
 * Two hazards of running a code generator inside someone else's repository are closed here:
 * hey-api loads (and so runs) an `openapi-ts.config.*` from the working folder unless told which
 * config file to use, so it is pointed at an empty one of ours; and an operationId `then` would be
 * exported from sdk.gen.ts, which makes `await import()` of the module call it, so it is renamed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { listFiles } from '../write.js';
import { PACKAGE_ROOT } from '../paths.js';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';

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
      const json = JSON.stringify(withoutThenable(structuredClone(document) as Record<string, unknown>));
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

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A module exporting `then` is a thenable: renames operationId `then` so the SDK never exports one. */
function withoutThenable(doc: Record<string, unknown>): Record<string, unknown> {
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, { operationId?: unknown } | undefined>>)) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (op && typeof op === 'object' && typeof op.operationId === 'string' && /^then$/i.test(op.operationId)) op.operationId = `${op.operationId}Operation`;
    }
  }
  return doc;
}


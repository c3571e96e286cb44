/**
 * The generated service with `--target fastify`: bench/servers/generated.ts's handlers (the same
 * functions, the same store) served by the Fastify runtime, generated from specs/users.yaml with
 * `--target fastify` at start into FASTIFY_APP_DIR (default node_modules/.cache/faultline-bench/).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from './child.js';
import { userHandlers } from './handlers.js';

const started = performance.now();
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// Inside the repo (node_modules/.cache) so the generated service resolves fastify from the repo's node_modules.
const dir = process.env.FASTIFY_APP_DIR ?? join(ROOT, 'node_modules/.cache/faultline-bench/users-fastify');
// Generated on every start (only changed files are written), so the bench never runs a stale runtime.
{
  mkdirSync(dir, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/faultline.js'), 'generate', join(ROOT, 'specs/users.yaml'), '--out', dir, '--no-client', '--target', 'fastify', '-q'],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`generate --target fastify failed: ${run.stderr}`);
}
const { createService } = await import(pathToFileURL(join(dir, 'generated/router.gen.ts')).href);
const app = createService(userHandlers(), { validateResponses: true });
await app.ready();
serve(app.server, started);

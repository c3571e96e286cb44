// Runs @hey-api/openapi-ts in a worker thread so the typed client is generated while the main thread
// builds everything else: on GitHub's spec hey-api alone takes several seconds. The worker starts with
// the run and loads hey-api while the main thread reads the spec; then it waits for job messages
// { json, configFile, out, env }, one at a time (client.ts hands a finished worker to the next run of
// the same process: loading hey-api costs more than a small spec's client). Plain JavaScript on
// purpose: a worker does not inherit the tsx loader.
import { parentPort } from 'node:worker_threads';
import { createClient } from '@hey-api/openapi-ts';

parentPort.on('message', async ({ json, configFile, out, env }) => {
  try {
    // the caller's environment now, as a worker started for this job would see it (TMPDIR above all)
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
    Object.assign(process.env, env);
    await createClient({
      configFile,
      input: JSON.parse(json),
      output: { path: out, postProcess: [], importFileExtension: '.js', tsConfigPath: null },
      plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
      logs: { level: 'silent', file: false },
    });
    parentPort.postMessage({ ok: true });
  } catch (error) {
    const cause = error?.originalError?.error ?? error?.originalError ?? error;
    parentPort.postMessage({ ok: false, message: String(cause?.message ?? cause) });
  }
});

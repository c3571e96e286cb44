// Runs @hey-api/openapi-ts in a worker thread so the typed client is generated while the main thread
// builds everything else: on GitHub's spec hey-api alone takes several seconds. The worker starts with
// the run and loads hey-api while the main thread reads the spec; then it waits for one job message
// { json, configFile, out }. Plain JavaScript on purpose: a worker does not inherit the tsx loader.
import { parentPort } from 'node:worker_threads';
import { createClient } from '@hey-api/openapi-ts';

parentPort.once('message', async ({ json, configFile, out }) => {
  try {
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

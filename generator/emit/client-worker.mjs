// Runs @hey-api/openapi-ts in a worker thread so the typed client is generated while the main thread
// builds everything else: on GitHub's spec hey-api alone takes several seconds. Plain JavaScript on
// purpose: a worker does not inherit the tsx loader. Input: workerData { json, configFile, out }.
import { parentPort, workerData } from 'node:worker_threads';
import { createClient } from '@hey-api/openapi-ts';

const { json, configFile, out } = workerData;
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

/**
 * Cost of response validation with the compiled engine, per response, on the example services and on
 * large real specs: whether it can stay on in production. For each chosen operation
 * a body valid against its documented 2xx schema is sampled (verify's sampler, fixed seed), the
 * validator is compiled and warmed up, then checkResponse runs in a tight loop; the figure is the
 * median of 7 rounds of CPU time. Run on demand: `npx tsx bench/response-validation.ts` (never in tests).
 */
import { join } from 'node:path';
import { loadSpec } from '../generator/load/index.js';
import { buildModel } from '../generator/model/operations.js';
import { normalizeForTools } from '../generator/load/normalize.js';
import { sampleSchema } from '../generator/verify/sample.js';
import { createRandom } from '../generator/verify/prng.js';
import { ValidationEngine } from '../templates/runtime/validate/engine.js';
import { responseChecker } from '../templates/runtime/validate/response.js';
import type { OperationContract } from '../templates/runtime/contract.js';

type Obj = Record<string, any>;
const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, '../shared/corpus');

const CASES: [string, string, string[]][] = [
  ['users', join(ROOT, 'specs/users.yaml'), ['GET /user/', 'GET /user/{username}']],
  ['things', join(ROOT, 'specs/things.yaml'), ['GET /api/things', 'GET /api/things/{thing_id}']],
  [
    'github',
    join(CORPUS, 'openapi-typescript/github-api-2022-10.yaml'),
    ['GET /repos/{owner}/{repo}', 'GET /repos/{owner}/{repo}/issues', 'GET /user'],
  ],
  ['spotify', join(CORPUS, 'spotify/fixed-spotify-open-api.yml'), ['GET /albums/{id}', 'GET /me']],
];

function measure(check: () => unknown): number {
  const rounds: number[] = [];
  let n = 200;
  for (let i = 0; i < 200; i++) check();
  for (let round = 0; round < 7; round++) {
    // CPU time, not wall time: on a shared machine it is the less disturbed of the two
    const started = process.cpuUsage();
    for (let i = 0; i < n; i++) check();
    const used = process.cpuUsage(started);
    const us = (used.user + used.system) / n;
    rounds.push(us);
    if (us * n < 50_000) n *= 2;
  }
  return rounds.sort((a, b) => a - b)[3];
}

for (const [service, file, keys] of CASES) {
  const loaded = loadSpec(file, { cwd: ROOT });
  if (!loaded.document) throw new Error(`cannot load ${file}`);
  const doc = normalizeForTools(loaded.document, loaded.version ?? '3.0').document as Obj;
  const { model } = buildModel(loaded.document);
  const engine = new ValidationEngine(doc, true);
  const check = responseChecker(engine);
  for (const key of keys) {
    const op = model.operations.find((o) => o.key === key);
    if (!op) throw new Error(`${service}: no ${key}`);
    const response = op.responses.find((r) => /^2/.test(r.status) && r.contents.some((c) => c.schemaPointer));
    const content = response!.contents.find((c) => c.schemaPointer)!;
    let body = sampleSchema({ document: doc, random: createRandom(1), direction: 'response' }, { $ref: content.schemaPointer });
    if (Array.isArray(body)) body = Array.from({ length: 20 }, () => structuredClone((body as unknown[])[0] ?? {}));
    const contract = { name: op.name, method: op.method.toUpperCase(), path: op.path, validation: op.validation } as OperationContract;
    const status = Number(response!.status.replace('XX', '00'));
    const invalid = check(contract, status, content.contentType, body);
    const bytes = Buffer.byteLength(JSON.stringify(body));
    const us = measure(() => check(contract, status, content.contentType, body));
    const stringify = measure(() => JSON.stringify(body));
    console.log(
      `${service.padEnd(7)} ${key.padEnd(34)} ${String(bytes).padStart(7)} B  validate ${us.toFixed(2).padStart(7)} µs  ` +
        `(JSON.stringify ${stringify.toFixed(2)} µs)${invalid ? '  sample INVALID: ' + JSON.stringify(invalid.errors[0]) : ''}`,
    );
  }
}

/**
 * Services generated from real specs start and keep the contract: GitHub's REST API (803 operations,
 * `nullable` without `type`, example payloads with remote `$ref` keys, patterns Ajv rejects in unicode
 * mode) and SpaceTraders (74 external files). For 25 operations of each, `faultline verify` sends valid
 * and hostile requests; handlers answer valid requests with a sampled documented success body.
 * Nothing may be fetched from the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../generator/generate.js';
import { buildModel } from '../../generator/model/operations.js';
import type { ModelOperation } from '../../generator/model/types.js';
import { verify } from '../../generator/verify/index.js';
import { createSchemaValidator } from '../../generator/verify/schemas.js';
import { sampleSchema } from '../../generator/verify/sample.js';
import { createRandom } from '../../generator/verify/prng.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

const CORPUS = join(REPO, '../shared/corpus');
const CORPUS_TOKEN = 'corpus-token';

/** Records (and refuses) every outbound request that is not to 127.0.0.1. */
function guardNetwork() {
  const attempts: string[] = [];
  const realFetch = globalThis.fetch;
  const realHttp = http.request;
  const realHttps = https.request;
  const local = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!local(url)) {
      attempts.push(url);
      throw new Error('network access refused in tests');
    }
    return realFetch(input, init);
  }) as typeof fetch;
  const refuse = (real: typeof http.request) =>
    ((...args: unknown[]) => {
      const first = args[0] as { host?: string; hostname?: string } | string | URL;
      const host = typeof first === 'string' || first instanceof URL ? new URL(String(first)).hostname : (first.hostname ?? first.host);
      if (host !== '127.0.0.1' && host !== 'localhost') attempts.push(String(host));
      return (real as (...a: unknown[]) => http.ClientRequest)(...args);
    }) as typeof http.request;
  http.request = refuse(realHttp);
  https.request = refuse(realHttps);
  return {
    attempts,
    restore() {
      globalThis.fetch = realFetch;
      http.request = realHttp;
      https.request = realHttps;
    },
  };
}

/** Handlers that answer the first documented 2xx with a sampled body that validates. */
function sampleHandlers(document: Record<string, unknown>, operations: ModelOperation[]) {
  const validator = createSchemaValidator(document);
  const handlers: Record<string, () => unknown> = {};
  const answerable: ModelOperation[] = [];
  for (const op of operations) {
    const ok = op.responses.find((r) => /^2/.test(r.status));
    if (!ok) continue;
    const status = /^\d+$/.test(ok.status) ? Number(ok.status) : 200;
    const json = ok.contents.find((c) => /json/.test(c.contentType));
    if (ok.contents.length && !json) continue;
    let body: unknown;
    if (json?.schemaPointer) {
      // the sampler is best effort: try a few seeds for schemas with patterns or formats
      const pointer = json.schemaPointer;
      body = [1, 2, 3, 4, 5, 6, 7, 8]
        .map((seed) => sampleSchema({ document, random: createRandom(seed), direction: 'response' }, { $ref: pointer }))
        .find((b) => validator.validate(pointer, b).length === 0);
      if (body === undefined) continue;
    }
    handlers[op.name] = () => (json ? { status, body, contentType: json.contentType } : { status });
    answerable.push(op);
  }
  return { handlers, answerable };
}

const COVERS_400 = ['400', '422', '4XX', 'default'];

/**
 * Operations whose contract can be kept from the outside: inputs to break (a query, a typed path param or a body), a
 * documented response for invalid input and one for failures, and every method of the path answerable
 * (so 405 probes see the whole path). Specs that document no error for an operation are lint's job.
 */
function pick(all: ModelOperation[], answerable: ModelOperation[], count: number): ModelOperation[] {
  const ok = new Set(answerable.map((op) => op.key));
  const anyErrors = all.some((op) => op.responses.some((r) => r.isError));
  const covers400 = (op: ModelOperation) => !anyErrors || op.responses.some((r) => COVERS_400.includes(r.status));
  const keeps = (op: ModelOperation) =>
    (op.params.some((p) => p.in === 'query' || (p.in === 'path' && p.type !== 'string')) || op.requestBody) &&
    covers400(op) &&
    all.filter((o) => o.path === op.path).every((o) => ok.has(o.key) && covers400(o));
  const candidates = answerable.filter(keeps);
  const step = Math.max(1, Math.floor(candidates.length / count));
  return candidates.filter((_, i) => i % step === 0).slice(0, count);
}

describe.each([
  ['GitHub REST API', 'openapi-typescript/github-api-2022-10.yaml', undefined, [/\$ref/, /`nullable` without `type`/]],
  ['SpaceTraders (multi-file)', 'spacetraders/reference/SpaceTraders.json', 'spacetraders', []],
])('%s', (_name, spec, refRoot, normalized: RegExp[]) => {
  const dir = tempDir('corpus-service');
  const network = guardNetwork();
  let server: Awaited<ReturnType<typeof listen>>;
  let document: Record<string, unknown>;
  let chosen: ModelOperation[];
  let warnings: string[];
  let basePath: string;

  beforeAll(async () => {
    const result = await generate({
      input: join(CORPUS, spec),
      output: dir.path,
      cwd: REPO,
      client: false,
      refRoot: refRoot && join(CORPUS, refRoot),
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // UNDOCUMENTED_CLIENT_ERROR is about the spec's error contract, not about normalization (issue 14)
    warnings = result.diagnostics.filter((d) => d.severity === 'warning' && d.code !== 'UNDOCUMENTED_CLIENT_ERROR').map((d) => d.message);
    document = JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8'));
    const { model } = buildModel(document);
    const { handlers, answerable } = sampleHandlers(document, model.operations);
    chosen = pick(model.operations, answerable, 25);
    const { createApp } = await import(join(dir.path, 'app.ts'));
    basePath = (await import(join(dir.path, 'generated/contract.gen.ts'))).contract.basePath ?? '';
    const { createLogger } = await import(join(dir.path, 'generated/runtime/index.ts'));
    // secured operations (SpaceTraders: bearer tokens) accept the token verify sends below
    const schemes = Object.keys((document.components as any)?.securitySchemes ?? {});
    const security = Object.fromEntries(
      schemes.map((name) => [name, (credential: unknown) => (credential === CORPUS_TOKEN ? { name } : null)]),
    );
    server = await listen(createApp({ handlers, security, logger: createLogger({ level: 'silent' }) }));
  }, 180_000);

  afterAll(async () => {
    network.restore();
    await server?.close();
    dir.remove();
  });

  it('answers valid and invalid requests on 25 operations as documented, fetching nothing', async () => {
    expect(chosen.length).toBeGreaterThanOrEqual(20);
    const documentsErrors = chosen.some((op) => op.responses.some((r) => r.isError));
    const paths = Object.fromEntries(chosen.map((op) => [op.path, (document.paths as any)[op.path]]));
    const subset = { ...document, paths };
    const started = performance.now();
    const report = await verify({
      document: subset,
      // openapi.json says `servers: /`; the service answers under the spec's own server path (GitHub: /api/v3)
      baseUrl: server.base + basePath,
      seed: 3,
      maxRequests: 600,
      concurrency: 4,
      headers: { authorization: `Bearer ${CORPUS_TOKEN}` },
    });
    const firstMs = performance.now() - started;
    // A spec that documents no error at all (SpaceTraders) cannot be kept for invalid input: the service
    // answers the service-level 400 (RFC 9457), which verify rightly reports as undocumented. Nothing else.
    const unexplained = report.findings.filter(
      (f) => documentsErrors || !(f.check === 'status_documented' && f.status >= 400 && f.status < 500),
    );
    expect(unexplained.map((f) => `${f.check} ${f.operation} ${f.status}: ${f.message}`)).toEqual([]);
    for (const op of chosen) {
      const coverage = report.coverage.find((c) => c.operation === op.key)!;
      expect(coverage.requests, op.key).toBeGreaterThanOrEqual(2);
    }
    const rows = report.matrix.rows.filter((r) => chosen.some((op) => op.key === r.operation));
    const answered = rows.filter(
      (r) =>
        Object.entries(r.cells).some(([col, c]) => /^2/.test(col) && c.observed > 0) &&
        Object.entries(r.cells).some(([col, c]) => /^4/.test(col) && c.observed > 0),
    );
    const missing = rows
      .filter((r) => !answered.includes(r))
      .map(
        (r) =>
          `${r.operation}: ${Object.entries(r.cells)
            .filter(([, c]) => c.observed)
            .map(([col, c]) => `${col}x${c.observed}`)
            .join(' ')}`,
      );
    expect(answered.length, `operations that answered both a 2xx and a 4xx; not: ${missing.join('; ')}`).toBeGreaterThanOrEqual(20);
    expect(network.attempts).toEqual([]);
    expect(firstMs).toBeGreaterThan(0);
  }, 180_000);

  it('says in warnings what it normalized for the validator (and nothing when it normalized nothing)', () => {
    for (const pattern of normalized) expect(warnings.join('\n')).toMatch(pattern);
    if (normalized.length === 0) expect(warnings).toEqual([]);
  });
});

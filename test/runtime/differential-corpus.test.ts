/**
 * The differential test over the real-world corpus (issue 14 item 9): every spec of
 * ../shared/corpus/MANIFEST.tsv that parses is built, served by both engines, and sent the requests
 * `faultline verify` plans for it plus the edge values of issue 14 (non-canonical and unsafe numbers
 * in every numeric path, query and header parameter; a space in every string query parameter, sent as
 * URLSearchParams sends it: `+`). Specs up to FULL_BYTES are probed on every operation; larger ones
 * (GitHub's 3 MB, Xero's accounting API...) on SAMPLED_OPERATIONS operations spread evenly over the
 * sorted list, the same ones every run, so the run time stays about what the small specs cost. Status
 * and issues must agree unless an entry of EXCEPTIONS (differential-cases.ts) explains why ours is
 * right. Specs that do not generate are counted, not compared. DIFF_REPORT=1 prints the counts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planProbes } from '../../generator/verify/plan.js';
import { createRandom } from '../../generator/verify/prng.js';
import { createSchemaValidator } from '../../generator/verify/schemas.js';
import type { ModelOperation } from '../../generator/model/types.js';
import { REPO } from '../support/tmp.js';
import type { DiffRequest } from './arbitraries.js';
import { EXCEPTIONS } from './differential-cases.js';
import { buildService, callEngine, serveEngine } from './differential-support.js';

const CORPUS = join(REPO, '../shared/corpus');
const MAX_BYTES = Number(process.env.DIFF_CORPUS_MAX_BYTES ?? Infinity);
const FULL_BYTES = 60_000;
const SAMPLED_OPERATIONS = Number(process.env.DIFF_CORPUS_SAMPLE ?? 30);
const PLANNED_PER_SPEC = Number(process.env.DIFF_CORPUS_REQUESTS ?? 80);
const EDGES_PER_SPEC = 60;
const BASE = 'http://faultline.invalid';

export const NUMBER_EDGES = ['Infinity', '1e400', '0x10', '0b11', '1e3', '+5', ' 5', '1.0', '9007199254740993', '99999999999999999999'];

const specs = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cols) => cols[10] === 'yes' && Number(cols[5]) <= MAX_BYTES)
  .map((cols) => [cols[0], Number(cols[5])] as const)
  .filter(([path]) => !process.env.DIFF_CORPUS_ONLY || path.includes(process.env.DIFF_CORPUS_ONLY));

/** Every operation of a spec up to FULL_BYTES; of a larger one, SAMPLED_OPERATIONS evenly spaced (deterministic). */
function operationsToProbe(operations: ModelOperation[], bytes: number): ModelOperation[] {
  if (bytes <= FULL_BYTES || operations.length <= SAMPLED_OPERATIONS) return operations;
  return Array.from({ length: SAMPLED_OPERATIONS }, (_, i) => operations[Math.floor((i * operations.length) / SAMPLED_OPERATIONS)]);
}

function fromProbe(request: { method: string; url: string; headers: Record<string, string>; body?: string }, label: string): DiffRequest {
  const url = new URL(request.url);
  return { method: request.method, path: url.pathname + url.search, headers: request.headers, body: request.body, label };
}

/** The edge values: one request per (parameter, value), built from the operation's valid probe. */
function edgeRequests(op: ModelOperation, valid: DiffRequest): DiffRequest[] {
  const out: DiffRequest[] = [];
  const url = new URL(BASE + valid.path);
  const segments = op.path.split('/');
  for (const p of op.params) {
    const type = p.type;
    const numeric = type === 'integer' || type === 'number';
    const values = numeric ? NUMBER_EDGES : p.in === 'query' && type === 'string' ? ['New York'] : [];
    for (const value of values) {
      const label = `edge ${numeric ? 'number' : 'plus'} ${p.in} ${p.name}=${value}`;
      if (p.in === 'query') {
        const u = new URL(url);
        u.searchParams.set(p.name, value);
        out.push({ ...valid, path: u.pathname + u.search, label });
      } else if (p.in === 'header')
        out.push({ ...valid, headers: { ...valid.headers, [p.name]: value.trim() === value ? value : encodeURIComponent(value) }, label });
      else if (p.in === 'path') {
        const index = segments.indexOf(`{${p.name}}`);
        const parts = url.pathname.split('/');
        if (index < 0 || parts.length !== segments.length) continue;
        parts[index] = encodeURIComponent(value);
        out.push({ ...valid, path: parts.join('/') + url.search, label });
      }
    }
  }
  return out;
}

const totals = {
  specs: 0,
  generated: 0,
  sampled: 0,
  requests: 0,
  agreed: 0,
  excused: {} as Record<string, number>,
  mismatches: 0,
  notGenerated: [] as string[],
};
const elapsed: [string, number][] = [];
afterAll(() => {
  if (!process.env.DIFF_REPORT) return;
  const slowest = elapsed
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([spec, ms]) => `${spec} ${ms} ms`);
  console.log('corpus differential totals', JSON.stringify({ ...totals, slowest }, null, 1));
});

describe.each(specs)('compiled engine vs express-openapi-validator on corpus %s', (specPath, bytes) => {
  it("agrees on verify's planned requests and the edge values, or an exception says why ours is right", async () => {
    totals.specs++;
    const started = Date.now();
    // a spec's $refs may reach anywhere in the repository it came from (SpaceTraders: 74 files beside it)
    const service = await buildService(join(CORPUS, specPath), REPO, join(CORPUS, specPath.split('/')[0]));
    if (!service) {
      totals.notGenerated.push(specPath);
      return;
    }
    totals.generated++;
    const doc = service.document;
    const operations = operationsToProbe(service.model.operations, bytes);
    if (operations.length < service.model.operations.length) totals.sampled++;
    const validator = createSchemaValidator(doc);
    const { probes } = planProbes({
      document: doc,
      operations,
      baseUrl: BASE,
      headers: {},
      random: createRandom(14),
      validator,
      maxRequests: PLANNED_PER_SPEC,
    });
    // oversized bodies test the body limit, which is not the validator's business
    const planned = probes.filter((p) => !p.label.startsWith('body: oversized')).map((p) => fromProbe(p.request, p.label));
    const edges = operations
      .flatMap((op) => {
        const valid = probes.find((p) => p.operation === op.key && p.kind === 'valid');
        return valid ? edgeRequests(op, fromProbe(valid.request, 'valid')) : [];
      })
      .slice(0, EDGES_PER_SPEC);
    const [oracle, compiled] = await Promise.all([serveEngine(service, 'express-openapi-validator'), serveEngine(service, 'compiled')]);
    const mismatches: string[] = [];
    try {
      for (const request of [...planned, ...edges]) {
        const [want, got] = await Promise.all([callEngine(oracle, request), callEngine(compiled, request)]);
        totals.requests++;
        if (want.status === got.status && JSON.stringify(want.issues) === JSON.stringify(got.issues)) {
          totals.agreed++;
          continue;
        }
        const exception = EXCEPTIONS.find((e) => e.applies(specPath, request, want, got));
        if (exception) totals.excused[exception.id] = (totals.excused[exception.id] ?? 0) + 1;
        else
          mismatches.push(
            `${request.label}: ${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 300) ?? ''}\n  eov:      ${JSON.stringify(want)}\n  compiled: ${JSON.stringify(got)}`,
          );
      }
    } finally {
      await oracle.close();
      await compiled.close();
    }
    totals.mismatches += mismatches.length;
    elapsed.push([specPath, Date.now() - started]);
    expect(mismatches.slice(0, 10)).toEqual([]);
  }, 300_000);
});

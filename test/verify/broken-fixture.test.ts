/**
 * verify against a hand-written plain-Express service (broken-server.ts), over real HTTP on port 0:
 * with its planted defects every one is found and nothing else; without them, nothing at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../generator/load/index.js';
import { verify } from '../../generator/verify/index.js';
import { createBrokenApp } from './broken-server.js';
import { serve, type Running } from './serve.js';

const SPEC = fileURLToPath(new URL('./broken.yaml', import.meta.url));
const document = loadSpec(SPEC).document!;

/** The planted defects, as [check, operation]. */
const PLANTED = [
  ['allow_header', '* /items/{id}'],
  ['body_schema_valid', 'POST /items'],
  ['content_type_documented', 'GET /items/{id}'],
  ['invalid_input_rejected', 'GET /items'],
  ['no_leaks', 'GET /stats'],
  ['status_documented', 'DELETE /items/{id}'],
];

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function verifyFixture(defects: boolean, seed = 1) {
  running = await serve(createBrokenApp({ defects }));
  const report = await verify({ document, baseUrl: running.url, seed });
  await running.close();
  running = undefined;
  return report;
}

describe('verify against the broken plain-Express fixture', () => {
  it('finds every planted defect and nothing else', async () => {
    const report = await verifyFixture(true);
    const found = report.findings.map((f) => [f.check, f.operation]).sort();
    expect(found).toEqual(PLANTED);
    expect(report.notes).toEqual([]);
  });

  it('says what each planted defect is, with a request that reproduces it', async () => {
    const { findings } = await verifyFixture(true);
    const by = (check: string) => findings.find((f) => f.check === check)!;
    expect(by('no_leaks').message).toMatch(/stack frame in body: at .*broken-server\.ts:\d+:\d+/);
    expect(by('no_leaks').status).toBe(500);
    expect(by('status_documented')).toMatchObject({ status: 410, probe: { kind: 'not_found' } });
    expect(by('allow_header').message).toBe('405 without an Allow header; expected Allow: GET, DELETE');
    expect(by('content_type_documented').message).toContain('text/html is not documented for 404');
    expect(by('body_schema_valid').message).toContain('/price must be number');
    expect(by('invalid_input_rejected').occurrences).toBeGreaterThanOrEqual(5);
    for (const f of findings) {
      expect(f.curl).toMatch(/^curl -sS -i -X [A-Z]+ 'http:\/\/127\.0\.0\.1:\d+\//);
      expect(f.response?.status).toBe(f.status);
    }
  });

  it('reports documented errors never observed', async () => {
    const { coverage } = await verifyFixture(true);
    const del = coverage.find((c) => c.operation === 'DELETE /items/{id}')!;
    expect(del).toMatchObject({ observedErrors: ['400'], neverObserved: ['404', '500'], undocumented: [410] });
    expect(coverage.find((c) => c.operation === 'POST /items')).toMatchObject({ observedErrors: ['400', '4XX'], neverObserved: ['500'] });
  });

  it('marks the violated cells of the matrix', async () => {
    const { matrix } = await verifyFixture(true);
    const state = (op: string, status: string) => matrix.rows.find((r) => r.operation === op)?.cells[status]?.state;
    expect(state('DELETE /items/{id}', '410')).toBe('violated');
    expect(state('GET /stats', '500')).toBe('violated');
    expect(state('* /items/{id}', '405')).toBe('violated');
    expect(state('* /items', '405')).toBe('observed');
    expect(state('GET /items/{id}', '500')).toBe('documented');
  });

  it('reports nothing for the same service without its defects', async () => {
    const report = await verifyFixture(false);
    expect(report.findings).toEqual([]);
    expect(report.requests).toBeGreaterThan(40);
    expect(report.requests).toBe(report.planned);
  });

  it('repeats a run exactly for the same seed and varies it for another', async () => {
    const strip = (r: Awaited<ReturnType<typeof verifyFixture>>) =>
      r.findings.map((f) => `${f.check} ${f.operation} ${f.request.url.replace(/:\d+\//, ':PORT/')} ${f.occurrences}`);
    const a = strip(await verifyFixture(true, 7));
    const b = strip(await verifyFixture(true, 7));
    const c = strip(await verifyFixture(true, 8));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('cuts the plan to --max-requests and still touches every operation', async () => {
    running = await serve(createBrokenApp({ defects: false }));
    const report = await verify({ document, baseUrl: running.url, maxRequests: 12 });
    expect(report.requests).toBe(12);
    expect(report.planned).toBeGreaterThan(12);
    expect(report.coverage.every((c) => c.requests > 0)).toBe(true);
  });
});

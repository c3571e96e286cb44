/**
 * verify against both targets: the example specs served by Express (output/users, output/things) and
 * by `--target fastify`, with the same in-memory handlers (test/hostile-requests/support.ts). Both
 * must keep the contract, and both must give verify the same report: the same findings, coverage
 * and documented errors reached, because the targets share the contract, validators and error path.
 * The handlers of deleteUser and deleteThing fail on purpose (database text in the error); their
 * documented 500s are the only findings tolerated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../generator/load/index.js';
import { verify } from '../../generator/verify/index.js';
import { removeGenerated, startServices, TARGETS, type Service } from '../hostile-requests/support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const running: Record<string, Service[]> = {};
const summaries: Record<string, unknown> = {};

beforeAll(async () => {
  for (const target of TARGETS) running[target] = await startServices(target);
});
afterAll(async () => {
  for (const services of Object.values(running)) {
    for (const s of services) {
      s.server.closeAllConnections();
      await new Promise<void>((r) => s.server.close(() => r()));
    }
  }
  removeGenerated();
});

describe.each(TARGETS)('verify on the %s target', (target) => {
  it.each(['users', 'things'] as const)('%s keeps its error contract', async (name) => {
    const service = running[target].find((s) => s.name === name)!;
    // generous: the first requests wait for the database to start (seconds on a busy machine)
    const report = await verify({
      document: loadSpec(`${root}specs/${name}.yaml`).document!,
      baseUrl: `http://${service.base.host}:${service.base.port}`,
      timeoutMs: 120_000,
    });
    summaries[`${target} ${name}`] = {
      findings: report.findings.map((f) => `${f.check} ${f.operation} ${f.status}`).sort(),
      coverage: report.coverage.map((c) => `${c.operation}: ${[...c.observedErrors].sort().join(',')}`).sort(),
    };
    const unexplained = report.findings.filter((f) => !(f.operation.startsWith('DELETE ') && f.status === 500));
    expect(unexplained.map((f) => `${f.check} ${f.operation} ${f.status}: ${f.message}`)).toEqual([]);
    expect(report.requests).toBeGreaterThan(50);
  });
});

describe('both targets', () => {
  it.each(['users', 'things'])('%s: verify reports the same on Express and Fastify', (name) => {
    expect(summaries[`express ${name}`]).toBeDefined();
    expect(summaries[`fastify ${name}`]).toEqual(summaries[`express ${name}`]);
  });
});

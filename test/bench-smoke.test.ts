/**
 * The benches cannot rot: a smoke run of each (BENCH_SMOKE=1: one run, no warm-up, 1-second
 * autocannon runs, specs/users.yaml only) must produce well-formed results. No timing is asserted:
 * numbers on a shared CI machine mean nothing; only their shape does.
 */
import { usersOperations } from './support/users-operations.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../bench/report.js';
import { GENERATE_TOOLS } from '../bench/generate.js';
import { SCENARIOS } from '../bench/runtime.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function smoke(only: 'generate' | 'runtime'): { report: Report; markdown: string } {
  const out = mkdtempSync(join(tmpdir(), `faultline-bench-smoke-${only}-`));
  dirs.push(out);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
    env: { ...process.env, BENCH_SMOKE: '1', BENCH_ONLY: only, BENCH_OUT: out },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return {
    report: JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Report,
    markdown: readFileSync(join(out, 'BENCHMARKS.md'), 'utf8'),
  };
}

const wellFormed = (s: { median: number; min: number; max: number; n: number }) => {
  expect(s.n).toBeGreaterThan(0);
  expect(s.median).toBeGreaterThan(0);
  expect(s.min).toBeLessThanOrEqual(s.median);
  expect(s.max).toBeGreaterThanOrEqual(s.median);
};

describe.concurrent('bench smoke', () => {
  // No spawn timeout and a generous test timeout: a smoke run takes ~30 s alone and several times that
  // with both cores busy; only a hang should fail it.
  it('bench/generate measures every tool on the users spec', { timeout: 600_000 }, () => {
    const { report, markdown } = smoke('generate');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.versions['openapi-typescript']).toMatch(/^\d+\.\d+/);
    const [spec] = report.generate!.specs;
    expect(spec.error).toBeUndefined();
    expect(spec.operations).toBe(usersOperations());
    for (const tool of GENERATE_TOOLS) {
      expect(spec.tools[tool]!.exitCodes, tool).toEqual([0]);
      wellFormed(spec.tools[tool]!.wallMs);
      wellFormed(spec.tools[tool]!.peakRssMb);
    }
    for (const value of Object.values(spec.ratios)) expect(Number.isFinite(value)).toBe(true);
    expect(markdown).toContain('## Generation');
    expect(markdown).toContain('| faultline --check |');
  });

  it('bench/runtime answers every scenario with the expected statuses, and startup is measured', { timeout: 600_000 }, () => {
    const { report, markdown } = smoke('runtime');
    const runtime = report.runtime!;
    expect(runtime.scenarios.map((s) => s.scenario)).toEqual(SCENARIOS.map((s) => s.name));
    for (const s of runtime.scenarios) {
      for (const [name, server] of Object.entries(s.servers)) {
        wellFormed(server.reqPerSec);
        wellFormed(server.cpuMicrosPerReq);
        expect(server.p99Ms.n).toBe(1);
        // The generated service and the peer must answer with the scenario's status, every time.
        if (name !== 'bare') expect(server.expectedShare, `${s.scenario} ${name}: ${JSON.stringify(server.statuses)}`).toBe(1);
      }
    }
    const startup = runtime.startup!;
    expect(startup.error).toBeUndefined();
    // Both modes measured: through tsx, and compiled to JavaScript run by plain node in production mode.
    expect(startup.modes?.map((m) => m.mode)).toEqual(['dev: tsx', 'production: compiled JS']);
    expect(startup.judgedOn).toBe('production: compiled JS');
    for (const mode of startup.modes!) {
      expect(mode.runs.length).toBe(1);
      const [run] = mode.runs;
      expect(run.firstRequests.length, mode.mode).toBeGreaterThan(0);
      expect(
        run.firstRequests.every((r) => r.correct),
        mode.mode,
      ).toBe(true);
      wellFormed(mode.firstCorrectAnswerMs);
      wellFormed(mode.firstCorrectAnswerCpuMs);
    }
    expect(markdown).toContain('## Runtime');
    expect(markdown).toContain('## Startup');
    expect(markdown).toContain('| production: compiled JS |');
  });
});

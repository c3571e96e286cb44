/**
 * bench/runtime: autocannon (50 connections, 127.0.0.1, bounded duration) against (a) the generated
 * users service, (b) the hand-wired peer and (c) bare Express, in alternating rounds a,b,c,a,b,c.
 * Per run: req/s, p99 latency, and server CPU microseconds per request (the child's
 * process.cpuUsage() over the requests it finished during the run).
 *
 * Valid POST /user/ sends a unique username per request (autocannon setupRequest with a counter),
 * so every answer is a 201, never a 409.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServer, pinSelf, pinning, type RunningServer } from './lib/server.js';
import { summarize, ratio, type Summary } from './lib/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Every server runs with NODE_ENV=production (what a deployed service runs with). target: the
 * framework that serves HTTP; mode: what the server checks, printed beside every number.
 */
export const SERVERS = {
  generated: {
    label: 'generated (faultline)',
    target: 'express',
    mode: 'production, request + response validation',
    file: 'bench/servers/generated.ts',
  },
  fastify: {
    label: 'generated (faultline --target fastify)',
    target: 'fastify',
    mode: 'production, request + response validation',
    file: 'bench/servers/generated-fastify.ts',
  },
  peer: {
    label: 'peer (Express 5 + express-openapi-validator by hand)',
    target: 'express',
    mode: 'production, request + response validation',
    file: 'bench/servers/peer.ts',
  },
  bare: { label: 'bare Express (no validation)', target: 'express', mode: 'production, no validation', file: 'bench/servers/bare.ts' },
} as const;
export type ServerName = keyof typeof SERVERS;
const ORDER: ServerName[] = (['generated', 'fastify', 'peer', 'bare'] as ServerName[]).filter(
  (n) => !process.env.BENCH_SERVERS || process.env.BENCH_SERVERS.split(',').includes(n),
);

let counter = 0;
const json = { 'content-type': 'application/json' };

interface Scenario {
  name: string;
  /** Expected status per server; undefined: whatever the server answers (bare does not validate). */
  expect: Partial<Record<ServerName, number>>;
  request: autocannon.Request;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'valid POST /user/ (201)',
    expect: { generated: 201, fastify: 201, peer: 201, bare: 201 },
    request: {
      method: 'POST',
      path: '/user/',
      headers: json,
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          email: 'u@example.com',
          dept: 'Sales',
          password: 'secret1',
          name: 'U',
          username: `u${process.pid}_${counter++}`,
        }),
      }),
    },
  },
  {
    name: 'invalid POST /user/ (400)',
    expect: { generated: 400, fastify: 400, peer: 400 },
    request: {
      method: 'POST',
      path: '/user/',
      headers: json,
      body: JSON.stringify({ email: 'not-an-email', password: 'x', username: 'bad name!', extra: true }),
    },
  },
  {
    name: 'GET /user/{username} existing (200)',
    expect: { generated: 200, fastify: 200, peer: 200, bare: 200 },
    request: { method: 'GET', path: '/user/pam' },
  },
  {
    name: 'GET /user/{username} missing (404)',
    expect: { generated: 404, fastify: 404, peer: 404, bare: 404 },
    request: { method: 'GET', path: '/user/nobody' },
  },
  {
    name: 'unknown route (404)',
    expect: { generated: 404, fastify: 404, peer: 404, bare: 404 },
    request: { method: 'GET', path: '/nothing/here' },
  },
  {
    name: 'wrong method PUT /user/{username} (405)',
    expect: { generated: 405, fastify: 405, peer: 405, bare: 405 },
    request: { method: 'PUT', path: '/user/pam' },
  },
];

export interface RunSample {
  reqPerSec: number;
  p99Ms: number;
  cpuMicrosPerReq: number;
  requests: number;
  /** Share of answers with the expected status (1 when no status is expected). */
  expectedShare: number;
  statuses: Record<string, number>;
  errors: number;
}

export interface ScenarioResult {
  scenario: string;
  servers: Partial<
    Record<
      ServerName,
      {
        reqPerSec: Summary;
        p99Ms: Summary;
        cpuMicrosPerReq: Summary;
        expectedShare: number;
        statuses: Record<string, number>;
        errors: number;
        samples: RunSample[];
      }
    >
  >;
  ratios: Record<string, number>;
}

export interface RuntimeResults {
  kind: 'runtime';
  connections: number;
  durationSec: number;
  rounds: number;
  pinning: string;
  /** The machine's load before the run (bench/lib/quiet.ts); busy: the figures are labelled noisy. */
  load?: import('./lib/quiet.js').MachineLoad;
  servers: Array<{ name: ServerName; label: string; target: string; mode: string }>;
  scenarios: ScenarioResult[];
  startup?: import('./startup.js').StartupResults;
  specSize?: import('./spec-size.js').SpecSizeResults;
}

export interface RuntimeOptions {
  durationSec?: number;
  rounds?: number;
  connections?: number;
  /** Seconds of unrecorded warm-up per server and scenario (default 1). */
  warmupSec?: number;
  log?: (line: string) => void;
  load?: import('./lib/quiet.js').MachineLoad;
}

/** Ratios of medians measured in the same interleaved rounds; NaN where a server was not run. */
export function scenarioRatios(servers: ScenarioResult['servers']): Record<string, number> {
  const med = (n: ServerName, k: 'reqPerSec' | 'p99Ms' | 'cpuMicrosPerReq') => servers[n]?.[k].median ?? NaN;
  return {
    'throughput generated / peer': ratio(med('generated', 'reqPerSec'), med('peer', 'reqPerSec')),
    'throughput generated / bare': ratio(med('generated', 'reqPerSec'), med('bare', 'reqPerSec')),
    'throughput fastify / peer': ratio(med('fastify', 'reqPerSec'), med('peer', 'reqPerSec')),
    'throughput fastify / bare': ratio(med('fastify', 'reqPerSec'), med('bare', 'reqPerSec')),
    'throughput peer / bare': ratio(med('peer', 'reqPerSec'), med('bare', 'reqPerSec')),
    'p99 generated / peer': ratio(med('generated', 'p99Ms'), med('peer', 'p99Ms')),
    'CPU us/req generated - bare': med('generated', 'cpuMicrosPerReq') - med('bare', 'cpuMicrosPerReq'),
    'CPU us/req fastify - bare': med('fastify', 'cpuMicrosPerReq') - med('bare', 'cpuMicrosPerReq'),
    'CPU us/req peer - bare': med('peer', 'cpuMicrosPerReq') - med('bare', 'cpuMicrosPerReq'),
  };
}

export async function benchRuntime(options: RuntimeOptions = {}): Promise<RuntimeResults> {
  const durationSec = options.durationSec ?? 5;
  const rounds = options.rounds ?? 3;
  const connections = options.connections ?? 50;
  const log = options.log ?? (() => {});
  pinSelf();
  const servers = {} as Record<ServerName, RunningServer>;
  try {
    for (const name of ORDER)
      servers[name] = await startServer(join(ROOT, SERVERS[name].file), { cwd: ROOT, env: { NODE_ENV: 'production', LOG_LEVEL: 'warn' } });
    const scenarios: ScenarioResult[] = [];
    for (const scenario of SCENARIOS) {
      const samples = Object.fromEntries(ORDER.map((n) => [n, [] as RunSample[]])) as Record<ServerName, RunSample[]>;
      // Warm-up: one short run per server (JIT, lazily compiled validators), not recorded.
      const warmupSec = options.warmupSec ?? 1;
      if (warmupSec > 0) for (const name of ORDER) await measure(servers[name], scenario, name, warmupSec, connections);
      for (let round = 0; round < rounds; round++) {
        for (const name of ORDER) {
          const s = await measure(servers[name], scenario, name, durationSec, connections);
          samples[name].push(s);
          log(
            `${scenario.name} round ${round + 1}/${rounds} ${name}: ${s.reqPerSec.toFixed(0)} req/s, p99 ${s.p99Ms} ms, ` +
              `${s.cpuMicrosPerReq.toFixed(1)} us CPU/req, ${(s.expectedShare * 100).toFixed(1)}% expected status`,
          );
        }
      }
      const result = { scenario: scenario.name, servers: {} as ScenarioResult['servers'], ratios: {} as Record<string, number> };
      for (const name of ORDER) {
        const ss = samples[name];
        const statuses: Record<string, number> = {};
        for (const s of ss) for (const [code, n] of Object.entries(s.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
        const total = ss.reduce((n, s) => n + s.requests, 0);
        result.servers[name] = {
          reqPerSec: summarize(ss.map((s) => s.reqPerSec)),
          p99Ms: summarize(ss.map((s) => s.p99Ms)),
          cpuMicrosPerReq: summarize(ss.map((s) => s.cpuMicrosPerReq)),
          expectedShare: total ? ss.reduce((n, s) => n + s.expectedShare * s.requests, 0) / total : 0,
          statuses,
          errors: ss.reduce((n, s) => n + s.errors, 0),
          samples: ss,
        };
      }
      result.ratios = scenarioRatios(result.servers);
      scenarios.push(result);
    }
    const described = ORDER.map((name) => ({ name, label: SERVERS[name].label, target: SERVERS[name].target, mode: SERVERS[name].mode }));
    return { kind: 'runtime', connections, durationSec, rounds, pinning, load: options.load, servers: described, scenarios };
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
}

async function measure(
  server: RunningServer,
  scenario: Scenario,
  name: ServerName,
  durationSec: number,
  connections: number,
): Promise<RunSample> {
  const before = await server.mark();
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections,
    duration: durationSec,
    requests: [scenario.request],
  });
  const after = await server.mark();
  const statuses: Record<string, number> = {};
  for (const [code, v] of Object.entries(
    (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {},
  ))
    statuses[code] = Number(v.count);
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  const want = scenario.expect[name];
  const served = after.served - before.served;
  return {
    reqPerSec: result.requests.average,
    p99Ms: result.latency.p99,
    cpuMicrosPerReq: served > 0 ? (after.cpuMicros - before.cpuMicros) / served : NaN,
    requests: answered,
    expectedShare: want === undefined ? 1 : answered ? (statuses[String(want)] ?? 0) / answered : 0,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

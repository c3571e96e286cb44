/**
 * verify: bundled document + base URL -> Report. The pure core of `faultline verify`: it sends
 * HTTP requests but touches no console, disk, argv or exit code, so tests call it directly and the
 * command only parses options and prints.
 */
import { buildModel } from '../model/operations.js';
import { runChecks, type CheckContext } from './checks.js';
import { planProbes } from './plan.js';
import { createRandom } from './prng.js';
import { buildCoverage, buildMatrix, collectFindings, countChecks } from './report.js';
import { createSchemaValidator } from './schemas.js';
import { checkReachable, sendAll } from './send.js';
import type { Exchange, Report } from './types.js';

export interface VerifyOptions {
  document: Record<string, unknown>;
  baseUrl: string;
  seed?: number;
  maxRequests?: number;
  concurrency?: number;
  timeoutMs?: number;
  /** Extra headers on every request (auth). */
  headers?: Record<string, string>;
  /** Live progress: called after each response. */
  onProgress?: (done: number, total: number, findings: number) => void;
}

export const VERIFY_DEFAULTS = { seed: 1, maxRequests: 2000, concurrency: 4, timeoutMs: 10_000 } as const;

/** Thrown when the base URL cannot be reached at all: a usage problem, not a finding. */
export class UnreachableError extends Error {}

export async function verify(options: VerifyOptions): Promise<Report & { notes: string[] }> {
  const { model } = buildModel(options.document);
  const o = { ...VERIFY_DEFAULTS, headers: {}, ...options, baseUrl: servedUrl(options.baseUrl, model.basePath) };
  const started = performance.now();
  const unreachable = await checkReachable(o.baseUrl, o.timeoutMs, o.headers);
  if (unreachable) throw new UnreachableError(`cannot reach ${o.baseUrl}: ${unreachable}`);

  const validator = createSchemaValidator(o.document);
  const random = createRandom(o.seed);
  const plan = planProbes({
    document: o.document,
    operations: model.operations,
    baseUrl: o.baseUrl,
    headers: o.headers,
    random,
    validator,
    maxRequests: o.maxRequests,
  });
  const ctx: CheckContext = {
    validator,
    operations: new Map(model.operations.map((op) => [op.key, op])),
    methodsByPath: methodsByPath(model.operations),
  };

  let failing = 0;
  const onExchange = (exchange: Exchange, done: number) => {
    if (runChecks(exchange, ctx).length) failing++;
    o.onProgress?.(done, plan.probes.length, failing);
  };
  const exchanges = await sendAll(plan.probes, { timeoutMs: o.timeoutMs, concurrency: o.concurrency, onExchange });
  const checked = exchanges.map((exchange) => ({ exchange, violations: runChecks(exchange, ctx) }));
  for (const c of checked) delete c.exchange.fullBody;

  const findings = collectFindings(checked);
  return {
    tool: 'faultline verify',
    spec: { title: model.title, version: model.version, openapi: model.openapi },
    baseUrl: o.baseUrl,
    seed: o.seed,
    requests: exchanges.length,
    planned: plan.planned,
    durationMs: Math.round(performance.now() - started),
    checks: countChecks(findings),
    findings,
    coverage: buildCoverage(model.operations, checked),
    matrix: buildMatrix(model.operations, checked),
    notes: plan.notes,
  };
}

function methodsByPath(operations: { path: string; method: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const op of operations) out.set(op.path, [...(out.get(op.path) ?? []), op.method.toUpperCase()]);
  return out;
}

/**
 * A URL naming only the service's origin (`http://localhost:8000`) gets the spec's base path, where the
 * generated service answers (`/v3`); a URL with a path of its own is where the operations are.
 */
export function servedUrl(baseUrl: string, basePath: string): string {
  if (!basePath) return baseUrl;
  let path: string;
  try {
    path = new URL(baseUrl).pathname;
  } catch {
    return baseUrl; // not a URL: reachability reports it
  }
  return path === '/' ? baseUrl.replace(/\/+$/, '') + basePath : baseUrl;
}

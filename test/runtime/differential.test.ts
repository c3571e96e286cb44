/**
 * Differential test: the compiled validation engine (templates/runtime/validate) against
 * express-openapi-validator, the oracle. For each spec, one service is generated; two routers are
 * built from it that differ only in `engine`, both served over real HTTP on 127.0.0.1. Every request
 * (a fixed list plus a fast-check sample with a fixed seed) goes to both; the status and the issues
 * (location + path + code, order-insensitive) must be the same, unless an entry of EXCEPTIONS
 * explains the difference: each one is a place where express-openapi-validator is wrong or unsound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import fc from 'fast-check';
import { pino } from 'pino';
import { generate } from '../../generator/generate.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';
import { operationsOf, requestArb, type DiffRequest } from './arbitraries.js';
import { EXCEPTIONS, FIXED, type Outcome } from './differential-cases.js';

const CORPUS = join(REPO, '../shared/corpus');
const SEED = 20261122;
const RUNS_PER_OPERATION = Number(process.env.DIFF_RUNS ?? 60);

const SPECS: [string, string][] = [
  ['users', join(REPO, 'specs/users.yaml')],
  ['things', join(REPO, 'specs/things.yaml')],
  ['features', join(REPO, 'test/fixtures/service/features.yaml')],
  ['museum', join(CORPUS, 'redocly-museum/openapi.yaml')],
  ['petstore', join(CORPUS, 'swagger-petstore/v3.0/openapi.yaml')],
];

type Engine = 'compiled' | 'express-openapi-validator';

interface Served {
  base: string;
  close(): Promise<void>;
  last: { issues?: { location: string; path: (string | number)[]; code: string }[] };
}

async function serve(dir: string, engine: Engine): Promise<Served> {
  const runtime = await import(join(dir, 'generated/runtime/index.ts'));
  const { contract } = await import(join(dir, 'generated/contract.gen.ts'));
  const spec = JSON.parse(readFileSync(join(dir, 'generated/openapi.json'), 'utf8'));
  const last: Served['last'] = {};
  const handlers = new Proxy(
    {},
    {
      get: (_t, name) => {
        const op = contract.operations.find((o: { name: string }) => o.name === name);
        const success = op?.successStatuses.find((s: string) => /^\d+$/.test(s)) ?? '200';
        return () => ({ status: Number(success) });
      },
    },
  );
  const router = runtime.createServiceRouter(contract, spec, handlers, {
    engine,
    validateResponses: false,
    logger: pino({ level: 'silent' }),
    validationProblem: (issues: Served['last']['issues']) => {
      last.issues = issues;
      return {};
    },
  });
  const app = express();
  app.use(router);
  const server = await listen(app);
  return { ...server, last };
}

async function call(served: Served, request: DiffRequest): Promise<Outcome> {
  served.last.issues = undefined;
  const res = await fetch(served.base + request.path, { method: request.method, headers: request.headers, body: request.body });
  await res.arrayBuffer();
  const recorded = served.last.issues as Served['last']['issues'];
  const issues = (recorded ?? []).map((i) => `${i.location} ${i.path.join('.')} ${i.code}`).sort();
  return { status: res.status, issues };
}

describe.each(SPECS)('compiled engine vs express-openapi-validator: %s', (name, input) => {
  const dir = tempDir(`diff-${name}`);
  let oracle: Served;
  let compiled: Served;
  let doc: Record<string, any>;

  beforeAll(async () => {
    const result = await generate({ input, output: dir.path, cwd: REPO, client: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    doc = JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8'));
    oracle = await serve(dir.path, 'express-openapi-validator');
    compiled = await serve(dir.path, 'compiled');
  }, 300_000);
  afterAll(async () => {
    await oracle?.close();
    await compiled?.close();
    dir.remove();
  });

  const compare = async (requests: DiffRequest[]) => {
    const mismatches: string[] = [];
    const excused = new Map<string, number>();
    const statuses: Record<number, number> = {};
    for (const request of requests) {
      const want = await call(oracle, request);
      const got = await call(compiled, request);
      statuses[want.status] = (statuses[want.status] ?? 0) + 1;
      if (want.status === got.status && JSON.stringify(want.issues) === JSON.stringify(got.issues)) continue;
      const exception = EXCEPTIONS.find((e) => e.applies(name, request, want, got));
      if (exception) excused.set(exception.id, (excused.get(exception.id) ?? 0) + 1);
      else
        mismatches.push(
          `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body ?? ''}\n  eov:      ${JSON.stringify(want)}\n  compiled: ${JSON.stringify(got)}`,
        );
    }
    return { mismatches, excused, statuses };
  };

  it('agrees on the fixed requests', async () => {
    const { mismatches } = await compare(FIXED[name] ?? []);
    expect(mismatches).toEqual([]);
  });

  it(`agrees on ${RUNS_PER_OPERATION} generated requests per operation`, async () => {
    const requests = operationsOf(doc).flatMap((op, i) => fc.sample(requestArb(doc, op), { seed: SEED + i, numRuns: RUNS_PER_OPERATION }));
    const { mismatches, excused, statuses } = await compare(requests);
    if (process.env.DIFF_REPORT)
      console.log(name, requests.length, 'requests; oracle statuses:', statuses, 'excused:', Object.fromEntries(excused));
    expect(mismatches.slice(0, 15)).toEqual([]);
  }, 300_000);
});

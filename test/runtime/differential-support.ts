/**
 * One generated service served twice over real HTTP on 127.0.0.1, once per validation engine, with
 * handlers that answer each operation's first documented success status; `call` sends one request
 * and returns the status and the issues (location + path + code) the error path recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { listen } from '../support/server.js';
import type { DiffRequest } from './arbitraries.js';
import type { Outcome } from './differential-cases.js';

export type Engine = 'compiled' | 'express-openapi-validator';

export interface Served {
  base: string;
  close(): Promise<void>;
  last: { issues?: { location: string; path: (string | number)[]; code: string }[] };
}

export async function serveEngine(dir: string, engine: Engine): Promise<Served> {
  const runtime = await import(join(dir, 'generated/runtime/index.ts'));
  const { contract } = await import(join(dir, 'generated/contract.gen.ts'));
  const spec = JSON.parse(readFileSync(join(dir, 'generated/openapi.json'), 'utf8'));
  const last: Served['last'] = {};
  const handlers = new Proxy({}, {
    get: (_t, name) => {
      const op = contract.operations.find((o: { name: string }) => o.name === name);
      const success = op?.successStatuses.find((s: string) => /^\d+$/.test(s)) ?? '200';
      return () => ({ status: Number(success) });
    },
  });
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

export async function callEngine(served: Served, request: DiffRequest): Promise<Outcome> {
  served.last.issues = undefined;
  let res: globalThis.Response;
  try {
    res = await fetch(served.base + request.path, { method: request.method, headers: request.headers, body: request.body });
    await res.arrayBuffer();
  } catch (error) {
    // a connection cut without an answer is an outcome to compare, not a crash of the test
    return { status: 0, issues: [`connection ${String((error as { cause?: { code?: string } }).cause?.code ?? 'failed')}`] };
  }
  const recorded = served.last.issues as Served['last']['issues'];
  const issues = (recorded ?? []).map((i) => `${i.location} ${i.path.join('.')} ${i.code}`).sort();
  return { status: res.status, issues };
}

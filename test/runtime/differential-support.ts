/**
 * One service served twice over real HTTP on 127.0.0.1, once per validation engine, with handlers
 * that answer each operation's first documented success status; `call` sends one request and returns
 * the status and the issues (location + path + code) the error path recorded.
 *
 * The service is built in memory by the steps generate() runs before it renders files (load, model,
 * recipes, normalized document, contract), and served with the runtime's source in templates/runtime,
 * which generated/runtime is a byte-for-byte copy of under a banner (emit/runtime-files.ts). Writing
 * every corpus service to disk, rendering its types with openapi-typescript and transforming a fresh
 * copy of the runtime per spec were most of this test's time, and none of it is what it compares.
 */
import express from 'express';
import { pino } from 'pino';
import { hasErrors } from '../../generator/diagnostics.js';
import { loadCheckedSpec } from '../../generator/load/structure.js';
import { normalizeForTools } from '../../generator/load/normalize.js';
import { buildModel } from '../../generator/model/operations.js';
import { buildErrorRecipes } from '../../generator/model/recipe/responses.js';
import { recipeDiagnostics } from '../../generator/model/recipe/diagnostics.js';
import { buildServiceContract } from '../../generator/emit/error-contract.js';
import type { Model } from '../../generator/model/types.js';
import { createServiceRouter, type ServiceContract } from '../../templates/runtime/index.js';
import { listen } from '../support/server.js';
import type { DiffRequest } from './arbitraries.js';
import type { Outcome } from './differential-cases.js';

export type Engine = 'compiled' | 'express-openapi-validator';

export interface Served {
  base: string;
  close(): Promise<void>;
  last: { issues?: { location: string; path: (string | number)[]; code: string }[] };
}

export interface BuiltService {
  model: Model;
  contract: ServiceContract;
  /** What generated/openapi.json holds: the document normalized for the tools. */
  document: Record<string, unknown>;
}

/** The contract and document generate() would write for `input`, or undefined when it stops with an error. */
export async function buildService(input: string, cwd: string, refRoot?: string): Promise<BuiltService | undefined> {
  const loaded = await loadCheckedSpec(input, { cwd, refRoot });
  if (!loaded.document || hasErrors(loaded.diagnostics)) return undefined;
  const { model, problems } = buildModel(loaded.document);
  const recipes = buildErrorRecipes(loaded.document, model.operations);
  const normalized = normalizeForTools(loaded.document, loaded.version ?? '3.0');
  const severe = [...problems, ...recipeDiagnostics(recipes), ...normalized.notes].some((p) => p.severity === 'error');
  if (severe) return undefined;
  // through JSON, as contract.gen.ts and openapi.json carry them
  const contract = JSON.parse(JSON.stringify(buildServiceContract(model, recipes))) as ServiceContract;
  return { model, contract, document: JSON.parse(JSON.stringify(normalized.document)) };
}

export async function serveEngine(service: BuiltService, engine: Engine): Promise<Served> {
  const { contract } = service;
  const last: Served['last'] = {};
  const handlers = new Proxy(
    {},
    {
      get: (_t, name) => {
        const op = contract.operations.find((o) => o.name === name);
        const success = op?.successStatuses.find((s: string) => /^\d+$/.test(s)) ?? '200';
        return () => ({ status: Number(success) });
      },
    },
  );
  // each engine its own copy of the document: express-openapi-validator rewrites the one it is given
  const router = createServiceRouter(contract, structuredClone(service.document), handlers, {
    engine,
    // both engines served at the root: the comparison is about validation, not where the spec's server puts the API
    basePath: '',
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

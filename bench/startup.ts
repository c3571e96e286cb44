/**
 * Startup of a generated service on a large spec (GitHub's): generate it into a temp folder with
 * --no-client, start it, and measure the time from spawn to the first correct answer and the first
 * request of ~30 operations (each operation's first use compiles its validators). Targets: first
 * correct answer within 1 s of spawn, no first request above 100 ms. Besides wall time (which a busy
 * machine stretches), the server's own CPU time is reported: at listening (Node, the TypeScript
 * loader, the service's modules, building the app) and at the first correct answer.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchWorkDir } from './lib/work-dir.js';
import { startServer } from './lib/server.js';
import { patchOneOfs, refusedOneOfs } from './lib/inputs.js';
import { summarize, type Summary } from './lib/stats.js';
import { exampleAnswers, writeAnswers } from './lib/answers.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface FirstRequest {
  operation: string;
  url: string;
  status: number;
  correct: boolean;
  ms: number;
  secondMs: number;
}

export interface StartupResults {
  spec: string;
  patched: string[];
  generateMs: number;
  listenMs: number;
  firstCorrectAnswerMs: number;
  /** The server process's CPU time (user + system) when listening and after its first correct answer. */
  listenCpuMs?: number;
  firstCorrectAnswerCpuMs?: number;
  /** From the server's entry module to listening (its modules loaded, the app built), in the server's clock. */
  bootMs?: number;
  firstRequests: FirstRequest[];
  firstRequestMs: Summary;
  over100ms: number;
  error?: string;
}

type Obj = Record<string, any>;

/** `prebuilt`: a service already generated from `spec` (e.g. by an older faultline, to compare); not generated, not removed. */
export async function benchStartup(
  spec: string,
  options: { operations?: number; log?: (line: string) => void; prebuilt?: string } = {},
): Promise<StartupResults> {
  const log = options.log ?? (() => {});
  // inside the repo, so the service resolves this repo's node_modules (see lib/work-dir.ts)
  const work = benchWorkDir('bench-startup');
  const out = options.prebuilt ?? join(work, 'service');
  const result: StartupResults = {
    spec,
    patched: [],
    generateMs: NaN,
    listenMs: NaN,
    firstCorrectAnswerMs: NaN,
    firstRequests: [],
    firstRequestMs: summarize([]),
    over100ms: 0,
  };
  try {
    let input = spec;
    const t0 = performance.now();
    let gen = options.prebuilt ? { status: 0, stderr: '' } : generateInto(input, out);
    for (let i = 0; gen.status !== 0 && i < 3; i++) {
      const pointers = refusedOneOfs(gen.stderr);
      if (!pointers.length) break;
      result.patched.push(...pointers);
      input = patchOneOfs(spec, result.patched, join(work, 'input'));
      gen = generateInto(input, out);
    }
    result.generateMs = performance.now() - t0;
    if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr.slice(0, 1000)}`);
    const doc = JSON.parse(readFileSync(join(out, 'generated/openapi.json'), 'utf8')) as Obj;
    const targets = pickOperations(doc, options.operations ?? 30);
    const operations = (await import(join(out, 'generated/contract.gen.ts'))).contract.operations as {
      name: string;
      method: string;
      path: string;
    }[];
    const answers = writeAnswers(join(work, 'answers.json'), exampleAnswers(input, operations));
    const spawned = performance.now();
    const server = await startServer(join(ROOT, 'bench/servers/startup.ts'), { cwd: ROOT, env: { APP_DIR: out, ANSWERS_FILE: answers } });
    result.listenMs = server.listenMs;
    result.listenCpuMs = server.reported.cpuMs;
    result.bootMs = server.reported.bootMs;
    try {
      for (const t of targets) {
        const first = await timedGet(server.port, t.url);
        const second = await timedGet(server.port, t.url);
        const correct = documents(t.responses, first.status) && first.jsonOk;
        if (correct && Number.isNaN(result.firstCorrectAnswerMs)) {
          result.firstCorrectAnswerMs = performance.now() - spawned;
          result.firstCorrectAnswerCpuMs = (await server.mark()).cpuMicros / 1000;
        }
        result.firstRequests.push({ operation: t.name, url: t.url, status: first.status, correct, ms: first.ms, secondMs: second.ms });
        log(
          `startup ${t.name} ${t.url}: ${first.status} in ${first.ms.toFixed(1)} ms (then ${second.ms.toFixed(1)} ms)${correct ? '' : ' NOT DOCUMENTED'}`,
        );
      }
    } finally {
      await server.stop();
    }
    result.firstRequestMs = summarize(result.firstRequests.map((r) => r.ms));
    result.over100ms = result.firstRequests.filter((r) => r.ms > 100).length;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    log(`startup: ${result.error}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

function generateInto(input: string, out: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/faultline.js'), 'generate', input, '--out', out, '--no-client'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** GET operations without required header/cookie params, spread evenly over the spec. */
function pickOperations(doc: Obj, count: number): Array<{ name: string; url: string; responses: Obj }> {
  const deref = (node: Obj): Obj =>
    node && typeof node.$ref === 'string'
      ? deref(
          node.$ref
            .slice(2)
            .split('/')
            .reduce((o: Obj, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc),
        )
      : node;
  const all: Array<{ name: string; url: string; responses: Obj }> = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Obj)) {
    const op = item?.get as Obj | undefined;
    if (!op) continue;
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
    if (params.some((p) => p.required && (p.in === 'header' || p.in === 'cookie'))) continue;
    let url = path;
    const query: string[] = [];
    for (const p of params) {
      const value = sample(deref(p.schema ?? {}), p.name);
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (p.in === 'query' && p.required) query.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(value)}`);
    }
    all.push({
      name: op.operationId ?? `GET ${path}`,
      url: url + (query.length ? `?${query.join('&')}` : ''),
      responses: op.responses ?? {},
    });
  }
  const step = Math.max(1, all.length / count);
  const picked: typeof all = [];
  for (let i = 0; i < all.length && picked.length < count; i += step) picked.push(all[Math.floor(i)]);
  return picked;
}

function sample(schema: Obj, name: string): string {
  if (Array.isArray(schema.enum) && schema.enum.length) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number') return String(Math.max(1, schema.minimum ?? 1));
  if (schema.type === 'boolean') return 'true';
  if (/sha|ref/i.test(name)) return 'main';
  return 'octocat';
}

function documents(responses: Obj, status: number): boolean {
  const codes = Object.keys(responses);
  return codes.includes(String(status)) || codes.includes(`${String(status)[0]}XX`) || codes.includes('default');
}

async function timedGet(port: number, url: string): Promise<{ status: number; ms: number; jsonOk: boolean }> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${url}`);
  const text = await res.text();
  const ms = performance.now() - started;
  let jsonOk = true;
  if (text.length && /json/.test(res.headers.get('content-type') ?? '')) {
    try {
      JSON.parse(text);
    } catch {
      jsonOk = false;
    }
  }
  return { status: res.status, ms, jsonOk };
}

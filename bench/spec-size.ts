/**
 * bench/spec-size: is the cost of a request flat in the size of the spec? The same generator, the
 * same app.ts and the same server harness (bench/servers/startup.ts) serve (a) specs/users.yaml
 * and (b) GitHub's spec (800+), in production mode with response validation on, and
 * comparable requests are sent to both in interleaved rounds: an unknown route (the matcher gives up
 * on every path), a wrong method on a templated path, an invalid path parameter (request validation
 * and the documented 400) and a GET of a templated path answered with a small body checked against
 * its response schema. On GitHub's spec the GET is the templated operation latest in route order
 * with a small example answer, so a per-request scan of the routes would show. Target: (b) within
 * 10% of (a) in server CPU microseconds per request.
 */
import { derefIn } from './lib/deref.js';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchWorkDir } from './lib/work-dir.js';
import { startServer, type RunningServer } from './lib/server.js';
import { patchOneOfs, refusedOneOfs } from './lib/inputs.js';
import { summarize, ratio, type Summary } from './lib/stats.js';
import { exampleAnswers, writeAnswers } from './lib/answers.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
type Obj = Record<string, any>;

export interface SpecSizeScenario {
  name: string;
  users: { url: string; method: string; status: number; cpuMicrosPerReq: Summary; reqPerSec: Summary; expectedShare: number };
  github: { url: string; method: string; status: number; cpuMicrosPerReq: Summary; reqPerSec: Summary; expectedShare: number };
  /** github / users CPU us per request (target ≤ 1.10). */
  cpuRatio: number;
}

export interface SpecSizeResults {
  spec: string;
  operations: number;
  rounds: number;
  durationSec: number;
  scenarios: SpecSizeScenario[];
  error?: string;
}

interface Target {
  url: string;
  method: string;
  status: number;
}

export async function benchSpecSize(
  spec: string,
  options: { durationSec?: number; rounds?: number; log?: (line: string) => void } = {},
): Promise<SpecSizeResults> {
  const log = options.log ?? (() => {});
  const durationSec = options.durationSec ?? 5;
  const rounds = options.rounds ?? 5;
  const work = benchWorkDir('size-');
  const result: SpecSizeResults = { spec: relative(ROOT, spec), operations: 0, rounds, durationSec, scenarios: [] };
  const servers: RunningServer[] = [];
  try {
    const usersOut = join(work, 'users');
    const usersSpec = join(ROOT, 'specs/users.yaml');
    mustGenerate(usersSpec, usersOut);
    const githubOut = join(work, 'github');
    const githubSpec = generatePatched(spec, githubOut, work);
    const doc = JSON.parse(readFileSync(join(githubOut, 'generated/openapi.json'), 'utf8')) as Obj;
    const contract = (await import(join(githubOut, 'generated/contract.gen.ts'))).contract as {
      operations: Array<{ name: string; method: string; path: string; pathParams: string[] }>;
    };
    result.operations = contract.operations.length;
    const get = pickTemplatedGet(doc, contract.operations);
    const userAnswer = {
      status: 200,
      body: { id: 1, email: 'pam@dm.com', dept: 'Accounting', name: 'Pam Beesly', username: 'pam', created_at: '2024-01-01T00:00:00.000Z' },
    };
    const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', RESPONSE_VALIDATION: '1' };
    const users = await startServer(join(ROOT, 'bench/servers/startup.ts'), {
      cwd: ROOT,
      env: { ...env, APP_DIR: usersOut, ANSWERS: JSON.stringify({ getUser: userAnswer }) },
    });
    servers.push(users);
    const answers = writeAnswers(join(work, 'github-answers.json'), exampleAnswers(githubSpec, contract.operations));
    const github = await startServer(join(ROOT, 'bench/servers/startup.ts'), {
      cwd: ROOT,
      env: { ...env, APP_DIR: githubOut, ANSWERS_FILE: answers },
    });
    servers.push(github);
    const wrongMethod = contract.operations
      .filter((op) => op.pathParams.length && !contract.operations.some((o) => o.path === op.path && o.method === 'PUT'))
      .at(-1)!;
    const intParam = pickIntegerPathParam(doc);
    const pairs: Array<[string, Target, Target]> = [
      [
        'unknown route (404)',
        { url: '/nothing/here/at/all', method: 'GET', status: 404 },
        { url: '/nothing/here/at/all', method: 'GET', status: 404 },
      ],
      [
        'wrong method on a templated path (405)',
        { url: '/user/pam', method: 'PUT', status: 405 },
        { url: fill(wrongMethod.path), method: 'PUT', status: 405 },
      ],
      ['invalid path parameter (400)', { url: '/user/bad%20name!', method: 'GET', status: 400 }, intParam],
      ['GET of a templated path (200)', { url: '/user/pam', method: 'GET', status: 200 }, get],
    ];
    for (const [name, u, g] of pairs) {
      const samples = { users: [] as Sample[], github: [] as Sample[] };
      await measure(users, u, 1);
      await measure(github, g, 1);
      for (let round = 0; round < rounds; round++) {
        samples.users.push(await measure(users, u, durationSec));
        samples.github.push(await measure(github, g, durationSec));
        log(
          `spec size ${name} round ${round + 1}/${rounds}: users ${samples.users.at(-1)!.cpu.toFixed(1)} us, github ${samples.github.at(-1)!.cpu.toFixed(1)} us CPU/req`,
        );
      }
      const side = (t: Target, ss: Sample[]) => ({
        ...t,
        cpuMicrosPerReq: summarize(ss.map((s) => s.cpu)),
        reqPerSec: summarize(ss.map((s) => s.rps)),
        expectedShare: Math.min(...ss.map((s) => s.expectedShare)),
      });
      const scenario = { name, users: side(u, samples.users), github: side(g, samples.github), cpuRatio: NaN };
      scenario.cpuRatio = ratio(scenario.github.cpuMicrosPerReq.median, scenario.users.cpuMicrosPerReq.median);
      result.scenarios.push(scenario);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    log(`spec size: ${result.error}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

interface Sample {
  cpu: number;
  rps: number;
  expectedShare: number;
}

async function measure(server: RunningServer, t: Target, durationSec: number): Promise<Sample> {
  const before = await server.mark();
  const r = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: 50,
    duration: durationSec,
    requests: [{ method: t.method as 'GET', path: t.url }],
  });
  const after = await server.mark();
  const stats = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const answered = Object.values(stats).reduce((n, v) => n + Number(v.count), 0);
  const served = after.served - before.served;
  return {
    cpu: served ? (after.cpuMicros - before.cpuMicros) / served : NaN,
    rps: r.requests.average,
    expectedShare: answered ? Number(stats[String(t.status)]?.count ?? 0) / answered : 0,
  };
}

function mustGenerate(spec: string, out: string) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/faultline.js'), 'generate', spec, '--out', out, '--no-client'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`generate ${spec} failed: ${run.stderr.slice(0, 1000)}`);
  return run;
}

/** Generates `spec`, applying faultline's suggested oneOf -> anyOf fix where it refuses; returns the input used. */
function generatePatched(spec: string, out: string, work: string): string {
  let input = spec;
  const patched: string[] = [];
  for (let i = 0; i < 4; i++) {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/faultline.js'), 'generate', input, '--out', out, '--no-client'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status === 0) return input;
    const pointers = refusedOneOfs(run.stderr);
    if (!pointers.length) throw new Error(`generate failed: ${run.stderr.slice(0, 1000)}`);
    patched.push(...pointers);
    input = patchOneOfs(spec, patched, join(work, 'input'));
  }
  throw new Error('generate failed after patching');
}

const fill = (path: string) => path.replace(/\{[^}]+\}/g, 'octocat');

/** The templated GET latest in route order whose 200 example is a small JSON object and whose params are plain strings. */
function pickTemplatedGet(doc: Obj, operations: Array<{ name: string; method: string; path: string; pathParams: string[] }>): Target {
  const deref = derefIn(doc);
  for (const op of [...operations].reverse()) {
    if (op.method !== 'GET' || !op.pathParams.length) continue;
    const item = doc.paths[op.path];
    const params = [...(item.parameters ?? []), ...(item.get.parameters ?? [])].map(deref) as Obj[];
    if (params.some((p) => p.required && p.in !== 'path')) continue;
    if (params.some((p) => p.in === 'path' && (deref(p.schema)?.type !== 'string' || deref(p.schema)?.enum || deref(p.schema)?.pattern)))
      continue;
    const ok = deref(item.get.responses?.['200']);
    const schema = deref(ok?.content?.['application/json']?.schema);
    if (schema?.type !== 'object' || !schema.properties || Object.keys(schema.properties).length > 8) continue;
    return { url: fill(op.path), method: 'GET', status: 200 };
  }
  throw new Error('no templated GET with a small object answer found');
}

/** A GET whose integer path parameter gets a non-number: request validation answers 400 (or the op's 422). */
function pickIntegerPathParam(doc: Obj): Target {
  const deref = derefIn(doc);
  for (const [path, item] of Object.entries(doc.paths as Obj).reverse()) {
    const op = (item as Obj).get as Obj | undefined;
    if (!op) continue;
    const params = [...((item as Obj).parameters ?? []), ...(op.parameters ?? [])].map(deref) as Obj[];
    if (params.some((p) => p.required && p.in !== 'path')) continue;
    const int = params.find((p) => p.in === 'path' && deref(p.schema)?.type === 'integer');
    if (!int || !op.responses?.['400']) continue;
    return { url: path.replace(`{${int.name}}`, 'abc').replace(/\{[^}]+\}/g, 'octocat'), method: 'GET', status: 400 };
  }
  throw new Error('no GET with an integer path parameter and a documented 400 found');
}

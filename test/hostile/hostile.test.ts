/**
 * Issue 8, part 1: hostile specs never become code. Runs every case of cases.ts through
 * `faultline generate` in child processes (--max-old-space-size=512, a timeout) and checks its
 * expected outcome; then compiles every successful output at once under `tsc --strict`, scans it with
 * the TypeScript scanner, and imports every generated module in a child with the canary unset.
 * In all cases: nothing written outside --out, nothing read outside the spec folder, no network.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCases, MARKER_RE, type HostileCase } from './cases.js';
import type { Job, JobResult } from './run-cases.js';
import { scanMarkers, type ScanResult } from './scan.js';
import { optionsOf, shareIdenticalFolders } from '../support/shared-declarations.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
/** Under the repo (gitignored) so generated code resolves express & co. from node_modules. */
mkdirSync(join(REPO, 'test-output'), { recursive: true });
const ROOT = mkdtempSync(join(REPO, 'test-output', 'hostile-'));
/**
 * A hang guard, not a speed target: the alias bomb alone walks 4 million nodes before it is refused,
 * which takes seconds alone and several times that with both cores busy. How fast hostile specs are
 * refused is a benchmark question (no timed assertions in tests); a case that never ends still fails.
 */
const CASE_LIMIT_MS = 120_000;
/** Child start-up (tsx, the generator, openapi-typescript) is not part of a case's budget. */
const STARTUP_ALLOWANCE_MS = 20_000;
/**
 * The whole set-up (every case generated, one strict compile, one import child): also a hang guard.
 * It took 330 s with eight processes sharing two cores, past the 300 s it once had.
 */
const SETUP_LIMIT_MS = 900_000;

const cases = buildCases();
const results = new Map<string, JobResult>();
const childProblems = new Map<string, string>();
const specSnapshots = new Map<string, string>();
const outSnapshots = new Map<string, string>();
const hits: string[] = [];
let server: Server;
let tscOutput = '';
let tscExit: number | null = null;
let imports: { file: string; error?: string; canary?: unknown; prototype?: boolean }[] = [];
const scans = new Map<string, Map<string, ScanResult>>();

const caseDir = (c: HostileCase) => join(ROOT, c.id);
const outDir = (c: HostileCase) => join(caseDir(c), 'out');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      return st?.isDirectory() ? listFiles(path) : [path];
    });
}

/** Names, sizes and mtimes: enough to see that a folder was not touched. */
function snapshot(dir: string): string {
  return listFiles(dir)
    .map((f) => {
      const st = statSync(f, { throwIfNoEntry: false });
      return `${relative(dir, f)} ${st?.size} ${st?.mtimeMs}`;
    })
    .join('\n');
}

function run(
  cmd: string,
  args: string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<{ code: number | null; signal: string | null; output: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (b: Buffer) => {
      if (output.length < 200_000) output += b.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, output, timedOut });
    });
  });
}

const NODE_ARGS = ['--max-old-space-size=512', '--import', 'tsx'];

async function runJobs(batch: HostileCase[], name: string): Promise<void> {
  const jobs: Job[] = batch.map((c) => ({
    id: c.id,
    dir: caseDir(c),
    spec: join(caseDir(c), 'spec', rootFiles.get(c.id)!),
    out: outDir(c),
    client: c.client === true,
  }));
  const jobsFile = join(ROOT, `${name}.jobs.json`);
  const resultsFile = join(ROOT, `${name}.results.json`);
  writeFileSync(jobsFile, JSON.stringify(jobs));
  const res = await run(process.execPath, [...NODE_ARGS, join(HERE, 'run-cases.ts'), jobsFile, resultsFile], {
    cwd: ROOT,
    timeoutMs: STARTUP_ALLOWANCE_MS + CASE_LIMIT_MS * batch.length,
    env: { NODE_OPTIONS: '' },
  });
  const got: JobResult[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
  for (const r of got) results.set(r.id, r);
  for (const c of batch) {
    if (!results.has(c.id))
      childProblems.set(
        c.id,
        `child ${name} ended (code ${res.code}, signal ${res.signal}${res.timedOut ? ', timed out' : ''}) before this case finished:\n${res.output.slice(-3000)}`,
      );
  }
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

const rootFiles = new Map<string, string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'application/json');
    res.end('{"type": "string", "description": "fetched from the network"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  for (const c of cases) {
    const dir = caseDir(c);
    for (const sub of ['spec', 'tmp', 'cwd']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), `SECRET_CANARY_${c.id}\n`);
    rootFiles.set(c.id, (await c.build(join(dir, 'spec'), { url })) || 'spec.yaml');
    if (c.existingOut) {
      mkdirSync(outDir(c), { recursive: true });
      writeFileSync(join(outDir(c), 'keep.txt'), 'mine\n');
      outSnapshots.set(c.id, snapshot(outDir(c)));
    }
    specSnapshots.set(c.id, snapshot(join(dir, 'spec')));
  }

  // Big cases alone in their own child; the small ones in two batches. Two at a time (2 cores).
  const isolated = cases.filter((c) => c.isolate);
  const small = cases.filter((c) => !c.isolate);
  const batches: [HostileCase[], string][] = [
    ...isolated.map((c): [HostileCase[], string] => [[c], c.id]),
    [small.filter((_, i) => i % 2 === 0), 'batch-a'],
    [small.filter((_, i) => i % 2 === 1), 'batch-b'],
  ];
  await pool(batches, 2, ([batch, name]) => runJobs(batch, name));

  // Every successful output: one strict compile, one import child, a scan of every .ts file.
  const ok = cases.filter((c) => !c.knownDefect && results.get(c.id)?.exit === 0 && existsSync(join(outDir(c), 'tsconfig.json')));
  for (const c of ok) {
    const perFile = new Map<string, ScanResult>();
    for (const file of listFiles(outDir(c)).filter((f) => f.endsWith('.ts')))
      perFile.set(relative(outDir(c), file), scanMarkers(readFileSync(file, 'utf8'), MARKER_RE));
    scans.set(c.id, perFile);
  }
  if (ok.length) {
    const importsFile = join(ROOT, 'imports.json');
    const imported = run(process.execPath, ['--import', 'tsx', join(HERE, 'import-all.ts'), importsFile, ...ok.map(outDir)], {
      cwd: ROOT,
      timeoutMs: 600_000,
      env: { PORT: '0', NODE_OPTIONS: '', NODE_ENV: 'test' },
    }).then((r) => {
      imports = existsSync(importsFile)
        ? JSON.parse(readFileSync(importsFile, 'utf8'))
        : [{ file: '(child)', error: r.output.slice(-2000) }];
    });
    // tsc gets a copy (the import child needs the outputs as they are), where the runtime and client
    // core every output has alike are checked once (see test/support/shared-declarations.ts)
    const compile = join(ROOT, 'compile');
    for (const c of ok) cpSync(outDir(c), join(compile, c.id, 'out'), { recursive: true });
    writeFileSync(
      join(compile, 'tsconfig.json'),
      JSON.stringify({
        extends: `./${ok[0].id}/out/tsconfig.json`,
        compilerOptions: { strict: true, noEmit: true },
        include: ok.map((c) => `${c.id}/out/**/*.ts`),
      }),
    );
    shareIdenticalFolders(
      ok.map((c) => join(compile, c.id, 'out')),
      optionsOf(join(compile, 'tsconfig.json')),
    );
    const [tsc] = await Promise.all([
      run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(compile, 'tsconfig.json'), '--pretty', 'false'], {
        cwd: compile,
        timeoutMs: 600_000,
      }),
      imported,
    ]);
    tscExit = tsc.code;
    tscOutput = tsc.output;
  }
}, SETUP_LIMIT_MS);

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  if (!process.env.KEEP_HOSTILE) rmSync(ROOT, { recursive: true, force: true });
  else console.log(`hostile corpus kept in ${ROOT}`);
});

/** The CLI prints messages, not codes: the message stem of each code the corpus expects. */
const MESSAGES: Record<string, RegExp> = {
  REF_EXTERNAL: /leaves the spec's folder|is a URL; faultline never fetches|holds a "\$ref" to a file or URL/,
  REF_DANGLING: /points at nothing|names a file that does not exist/,
  REF_MALFORMED: /not a JSON pointer|not a valid URI reference|\$ref must be a string/,
  REF_CYCLE: /loops back/,
  REF_TOO_DEEP: /starts a chain of more than/,
  TOO_LARGE: /nesting deeper than|more than \d+ nodes|bytes; the limit is|nesting exceeded maxDepth/,
  SYNTAX_ERROR: /YAML\/JSON syntax error/,
  NOT_AN_OBJECT: /must be a YAML or JSON object/,
  SWAGGER_2: /Swagger \S+ is not supported/,
  OPENAPI_VERSION_UNSUPPORTED: /is not supported; expected 3\.0\.x, 3\.1\.x or 3\.2\.x/,
  INVALID_STRUCTURE: /must start with "\/"|must be an object|must be a string|cannot be used as a name/,
  NO_ERROR_BODY: /body valid against this error schema can be built/,
};

const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

describe('hostile specs', () => {
  it.each(cases.map((c) => [`${c.id} (${c.family}) -> ${c.expect}`, c] as const))('%s', (_, c) => {
    const r = results.get(c.id);
    expect(childProblems.get(c.id), 'the child process finished the case').toBeUndefined();
    expect(r).toBeDefined();
    if (!r) return;
    const dir = caseDir(c);
    const out = outDir(c);
    const detail = `stderr:\n${r.stderr.slice(0, 3000)}`;

    // Resources: the heap is capped at 512 MB by the child's flags, RSS checked loosely; time only by the hang guard.
    expect(r.maxRssMb, 'peak RSS (MB)').toBeLessThan(900);

    // Outcome.
    if (c.expect === 'diagnostic') {
      expect(r.exit, detail).toBe(1);
      expect(r.stderr).toMatch(/^error \S* #(\/\S*)?: /m);
      for (const code of c.codes ?? []) expect(r.stderr, `diagnostic ${code}`).toMatch(MESSAGES[code]);
      if (c.existingOut) expect(snapshot(out), 'an existing --out is left untouched').toBe(outSnapshots.get(c.id));
      else expect(existsSync(out), 'nothing is written').toBe(false);
      expect(
        r.writes.filter((w) => inside(w, out)),
        'no write into --out',
      ).toEqual([]);
    } else {
      expect(r.exit, detail).toBe(0);
      expect(existsSync(join(out, 'generated', 'contract.gen.ts'))).toBe(true);
      expect(existsSync(join(out, 'generated', 'client'))).toBe(c.client === true);
      if (c.existingOut) expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine\n');
      const violations = [...(scans.get(c.id) ?? new Map<string, ScanResult>())].flatMap(([file, s]) =>
        s.violations.map((v) => ({ file, ...v })),
      );
      expect(violations, 'spec strings only in string-literal or comment tokens').toEqual([]);
    }

    // Never: code run during generation, prototype changes, network, reads outside the spec folder,
    // writes outside --out (the private temp folder, TMPDIR here, must be left empty).
    expect(r.canary, 'globalThis.__PWNED__ during generation').toBeUndefined();
    expect(r.prototypeChanged).toEqual([]);
    expect(r.connects, 'outgoing connections').toEqual([]);
    const specDir = join(dir, 'spec');
    const badReads = r.reads.filter(
      (p) =>
        (inside(p, dir) && !inside(p, specDir) && !inside(p, out) && !inside(p, join(dir, 'tmp'))) ||
        p.startsWith('/etc/') ||
        /\/(passwd|secret\.txt)$/.test(p),
    );
    expect(badReads, 'reads outside the spec folder').toEqual([]);
    const badWrites = r.writes.filter((p) => !inside(p, out) && !inside(p, join(dir, 'tmp')));
    if (c.knownDefect) console.warn(`known defect (${c.id}): ${c.knownDefect}`);
    expect(badWrites, 'writes outside --out').toEqual([]);
    expect(readdirSync(dir).sort(), 'case folder').toEqual(
      existsSync(out) ? ['cwd', 'out', 'secret.txt', 'spec', 'tmp'] : ['cwd', 'secret.txt', 'spec', 'tmp'],
    );
    // @hey-api's config loader (jiti) keeps a transpile cache in the temp folder: a tool cache, not output.
    expect(
      readdirSync(join(dir, 'tmp')).filter((f) => f !== 'jiti'),
      'temporary files left behind',
    ).toEqual([]);
    expect(readdirSync(join(dir, 'cwd')), 'files written to the working folder').toEqual([]);
    expect(snapshot(specDir), 'the spec folder is untouched').toBe(specSnapshots.get(c.id));
    const leaked = [
      r.stdout,
      r.stderr,
      ...listFiles(out)
        .filter((f) => !f.endsWith('keep.txt'))
        .map((f) => readFileSync(f, 'utf8')),
    ].some((t) => t.includes('SECRET_CANARY') || t.includes('root:x:0:0') || t.includes('fetched from the network'));
    expect(leaked, 'content of files outside the spec folder or from the network in the output').toBe(false);
  });

  it('no case made a network request (local server as the $ref target)', () => {
    expect(hits).toEqual([]);
  });

  it('every successful output compiles under tsc --strict', () => {
    expect(tscExit, tscOutput.slice(0, 5000)).toBe(0);
  });

  it('every generated module imports with the canary unset and Object.prototype unchanged', () => {
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => i.error || i.canary !== undefined || i.prototype)).toEqual([]);
  });

  // Defects in files this suite's owner may not edit, reported to their owners. it.fails: when one is
  // fixed, its test fails until the knownDefect note is removed from cases.ts.
  for (const c of cases.filter((x) => x.knownDefect)) {
    it.fails(`known defect, ${c.id}: ${c.knownDefect}`, async () => {
      const tsc = await run(
        process.execPath,
        [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(outDir(c), 'tsconfig.json'), '--pretty', 'false'],
        { cwd: ROOT, timeoutMs: 600_000 },
      );
      expect(tsc.code, tsc.output.slice(0, 2000)).toBe(0);
      const file = join(ROOT, `${c.id}.imports.json`);
      await run(process.execPath, ['--import', 'tsx', join(HERE, 'import-all.ts'), file, outDir(c)], {
        cwd: ROOT,
        timeoutMs: 600_000,
        env: { PORT: '0', NODE_OPTIONS: '' },
      });
      const got = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as typeof imports) : [{ file: '(child)', error: 'crashed' }];
      expect(got.filter((i) => i.error || i.canary !== undefined || i.prototype)).toEqual([]);
    }, 300_000);
  }

  it('a tool config in the working folder (openapi-ts.config.*) is never run', async () => {
    const dir = join(ROOT, 'tool-config');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'spec.json'),
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'T', version: '1' },
        paths: { '/x': { get: { operationId: 'x', responses: { '200': { description: 'ok' } } } } },
      }),
    );
    writeFileSync(
      join(dir, 'openapi-ts.config.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(dir, 'PWNED'))}, 'ran');\nexport default {};\n`,
    );
    await run(process.execPath, [join(REPO, 'bin/faultline.js'), 'generate', 'spec.json', '--out', 'out'], {
      cwd: dir,
      timeoutMs: 600_000,
      env: { TMPDIR: dir },
    });
    expect(existsSync(join(dir, 'PWNED')), 'a config file next to the spec ran').toBe(false);
  }, 300_000);

  it('the markers did reach the output (as literals and comments), so the scan proves something', () => {
    const safe = [...scans.values()].flatMap((perFile) => [...perFile.values()].flatMap((s) => s.safe));
    expect(new Set(safe).size).toBeGreaterThan(20);
    const text = [...(scans.get('text-breakouts') ?? new Map<string, ScanResult>()).values()].flatMap((s) => s.safe);
    expect(text.length).toBeGreaterThan(10);
  });
});

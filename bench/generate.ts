/**
 * bench/generate: whole-process wall time and peak RSS of faultline generate (without the client,
 * with it, --check on up-to-date output) beside openapi-typescript alone, @hey-api/openapi-ts alone
 * and a bare parse, on the same input in the same invocation. One warm-up round, then `runs` rounds;
 * inside a round the tools run one after another, so drift of the machine hits all of them alike.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMeasured, rssSource, type RunResult } from './lib/proc.js';
import { summarize, ratio, type Summary } from './lib/stats.js';
import { CORPUS, DEFAULT_SPECS, countOperations, parseSpec, patchOneOfs, refusedOneOfs } from './lib/inputs.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NODE = process.execPath;
const FAULTLINE = join(ROOT, 'bin/faultline.js');
const OTS = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const HEYAPI = join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js');
const PARSE = join(ROOT, 'bench/parse.mjs');

export const GENERATE_TOOLS = [
  'faultline --no-client',
  'faultline (with client)',
  'faultline --check',
  'openapi-typescript',
  '@hey-api/openapi-ts',
  'bare parse',
] as const;
export type GenerateTool = (typeof GENERATE_TOOLS)[number];

export interface ToolResult {
  wallMs: Summary;
  peakRssMb: Summary;
  exitCodes: number[];
  error?: string;
}

export interface SpecResult {
  spec: string;
  bytes: number;
  operations: number;
  input: string;
  /** Pointers where `oneOf` was renamed to `anyOf` (faultline's own suggested fix) in the temp copy. */
  patched: string[];
  heyApiInput: string;
  /** Remote `$ref` keys left inside examples of faultline's normalized bundle (renamed for hey-api alone). */
  remoteExampleRefs?: number;
  tools: Partial<Record<GenerateTool, ToolResult>>;
  ratios: Record<string, number>;
  error?: string;
}

export interface GenerateResults {
  kind: 'generate';
  runs: number;
  warmup: number;
  rssSource: string;
  specs: SpecResult[];
}

export interface GenerateOptions {
  specs?: string[];
  runs?: number;
  warmup?: number;
  log?: (line: string) => void;
}

export async function benchGenerate(options: GenerateOptions = {}): Promise<GenerateResults> {
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 1;
  const log = options.log ?? (() => {});
  const specs = (options.specs ?? DEFAULT_SPECS.map((s) => join(CORPUS, s))).filter((s) => {
    if (!existsSync(s)) log(`skip ${s}: not on disk`);
    return existsSync(s);
  });
  const results: SpecResult[] = [];
  for (const spec of specs) results.push(await benchSpec(spec, runs, warmup, log));
  return { kind: 'generate', runs, warmup, rssSource, specs: results };
}

async function benchSpec(spec: string, runs: number, warmup: number, log: (line: string) => void): Promise<SpecResult> {
  const work = mkdtempSync(join(tmpdir(), 'faultline-bench-gen-'));
  const name = spec.startsWith(CORPUS) ? spec.slice(CORPUS.length + 1) : basename(spec);
  const doc = parseSpec(spec);
  const result: SpecResult = {
    spec: name,
    bytes: statSync(spec).size,
    operations: countOperations(doc),
    input: spec,
    patched: [],
    heyApiInput: '',
    tools: {},
    ratios: {},
  };
  try {
    const outNoClient = join(work, 'out-no-client');
    const outClient = join(work, 'out-client');
    // Probe: a spec faultline refuses gets its suggested fix applied in a temp copy (see lib/inputs.ts).
    let probe = await runFaultline(result.input, outNoClient, ['--no-client']);
    for (let attempt = 0; probe.code !== 0 && attempt < 3; attempt++) {
      const pointers = refusedOneOfs(probe.stderr);
      if (pointers.length === 0) break;
      result.patched.push(...pointers);
      result.input = patchOneOfs(spec, result.patched, join(work, 'input'));
      log(`${name}: faultline refuses ${pointers.length} oneOf error schema(s); using anyOf there in ${result.input}`);
      probe = await runFaultline(result.input, outNoClient, ['--no-client']);
    }
    if (probe.code !== 0) throw new Error(`faultline generate failed (exit ${probe.code}):\n${probe.stderr.slice(0, 2000)}`);
    result.heyApiInput = join(outNoClient, 'generated/openapi.json');
    const remote = stripRemoteExampleRefs(result.heyApiInput, join(work, 'hey-input.json'));
    if (remote > 0) {
      result.heyApiInput = join(work, 'hey-input.json');
      result.remoteExampleRefs = remote;
      log(
        `${name}: the normalized bundle still holds ${remote} remote $ref keys inside examples; hey-api alone gets a copy with them ` +
          `renamed to x-example-ref`,
      );
    }
    const heyOut = join(work, 'hey');
    const otsOut = join(work, 'ots.ts');
    const commands: Record<GenerateTool, () => Promise<RunResult>> = {
      'faultline --no-client': () => fresh(outNoClient, () => runFaultline(result.input, outNoClient, ['--no-client'])),
      'faultline (with client)': () => fresh(outClient, () => runFaultline(result.input, outClient, [])),
      'faultline --check': () => runFaultline(result.input, outNoClient, ['--no-client', '--check']),
      'openapi-typescript': () => runMeasured(NODE, [OTS, result.input, '-o', otsOut], { cwd: work }),
      '@hey-api/openapi-ts': () =>
        fresh(heyOut, () =>
          runMeasured(NODE, [HEYAPI, '-i', result.heyApiInput, '-o', heyOut, '-c', '@hey-api/client-fetch', '--no-log-file', '-s'], {
            cwd: work,
          }),
        ),
      'bare parse': () => runMeasured(NODE, [PARSE, result.input], { cwd: work }),
    };
    const samples = new Map<GenerateTool, RunResult[]>(GENERATE_TOOLS.map((t) => [t, []]));
    const failures = new Map<GenerateTool, number>();
    for (let round = 0; round < warmup + runs; round++) {
      for (const tool of GENERATE_TOOLS) {
        // A tool that failed twice is not timed again (a failing hey-api download can take a minute).
        if ((failures.get(tool) ?? 0) >= 2) continue;
        const r = await commands[tool]();
        if (r.code !== 0) {
          failures.set(tool, (failures.get(tool) ?? 0) + 1);
          if (round < warmup) samples.get(tool)!.push(r);
        }
        if (round >= warmup) samples.get(tool)!.push(r);
        log(
          `${name} ${round < warmup ? 'warm-up' : `run ${round - warmup + 1}/${runs}`} ${tool}: ${r.wallMs.toFixed(0)} ms, ${r.peakRssMb.toFixed(0)} MB, exit ${r.code}`,
        );
      }
    }
    for (const tool of GENERATE_TOOLS) {
      const rs = samples.get(tool)!;
      const failed = rs.find((r) => r.code !== 0);
      result.tools[tool] = {
        wallMs: summarize(rs.map((r) => r.wallMs)),
        peakRssMb: summarize(rs.map((r) => r.peakRssMb)),
        exitCodes: rs.map((r) => r.code ?? -1),
        ...(failed ? { error: failed.stderr.slice(0, 500) } : {}),
      };
    }
    const wall = (t: GenerateTool) => result.tools[t]?.wallMs.median ?? NaN;
    const rss = (t: GenerateTool) => result.tools[t]?.peakRssMb.median ?? NaN;
    result.ratios = {
      'generate --no-client / openapi-typescript': ratio(wall('faultline --no-client'), wall('openapi-typescript')),
      'generate (with client) / hey-api': ratio(wall('faultline (with client)'), wall('@hey-api/openapi-ts')),
      'peak RSS (with client) / hey-api': ratio(rss('faultline (with client)'), rss('@hey-api/openapi-ts')),
      '--check / openapi-typescript': ratio(wall('faultline --check'), wall('openapi-typescript')),
    };
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    log(`${name}: ${result.error}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

/** Renames `$ref` keys with non-local values inside example payloads; returns how many. */
function stripRemoteExampleRefs(from: string, to: string): number {
  const doc = JSON.parse(readFileSync(from, 'utf8')) as unknown;
  let count = 0;
  const walk = (node: unknown, inExample: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inExample));
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (inExample && typeof obj.$ref === 'string' && !obj.$ref.startsWith('#')) {
      obj['x-example-ref'] = obj.$ref;
      delete obj.$ref;
      count++;
    }
    for (const [k, v] of Object.entries(obj)) walk(v, inExample || k === 'example' || k === 'examples' || k === 'value');
  };
  walk(doc, false);
  if (count > 0) writeFileSync(to, JSON.stringify(doc));
  return count;
}

function runFaultline(input: string, out: string, flags: string[]): Promise<RunResult> {
  return runMeasured(NODE, [FAULTLINE, 'generate', input, '--out', out, ...flags], { cwd: ROOT });
}

/** Generation is measured from an empty output folder (a first run); removing it is not timed. */
async function fresh(dir: string, run: () => Promise<RunResult>): Promise<RunResult> {
  rmSync(dir, { recursive: true, force: true });
  return run();
}

export const GENERATE_TARGETS: Array<{ ratio: string; target: number }> = [
  { ratio: 'generate --no-client / openapi-typescript', target: 1.5 },
  { ratio: 'generate (with client) / hey-api', target: 1.1 },
  { ratio: 'peak RSS (with client) / hey-api', target: 1.5 },
  { ratio: '--check / openapi-typescript', target: 1.5 },
];

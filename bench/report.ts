/** Renders BENCHMARKS.md from the results of bench/generate, bench/runtime and bench/startup. */
import type { GenerateResults } from './generate.js';
import { GENERATE_TARGETS, GENERATE_TOOLS } from './generate.js';
import type { RuntimeResults } from './runtime.js';
import { SERVERS, type ServerName } from './runtime.js';
import type { Machine } from './lib/machine.js';
import { summarize, type Summary } from './lib/stats.js';
import type { StartupResults } from './startup.js';
import { noisyLabel, type MachineLoad } from './lib/quiet.js';
import type { SpecSizeResults } from './spec-size.js';

export interface Report {
  date: string;
  machine: Machine;
  versions: Record<string, string>;
  generate?: GenerateResults;
  runtime?: RuntimeResults;
  notes?: string;
  /** The machine's load before the run; a busy machine labels every table NOISY. */
  load?: MachineLoad;
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const range = (s: Summary, fmt = f0) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
const verdict = (value: number, target: number, atMost = true) =>
  !Number.isFinite(value) ? 'n/a' : (atMost ? value <= target : value >= target) ? 'met' : '**missed**';

export function renderReport(r: Report): string {
  const out: string[] = [];
  out.push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${r.date}. Do not edit by hand: the next run rewrites it; the analysis lives in the section "Notes" fed from bench/NOTES.md.`,
    '',
  );
  out.push('## Machine and versions', '');
  out.push(
    `- CPU: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB RAM; ${r.machine.platform}, kernel ${r.machine.kernel}`,
  );
  out.push(`- Node ${r.machine.node}`);
  out.push(
    `- ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const load = r.load ?? r.runtime?.load;
  if (load)
    out.push(
      `- Load before the run: 1-minute load average ${load.load1.toFixed(2)}, ${Number.isFinite(load.busyShare) ? `${(load.busyShare * 100).toFixed(0)}% CPU busy over one second` : 'CPU share unknown'}: ${load.busy ? 'busy (measured with --allow-busy)' : 'quiet'}`,
    );
  out.push('');
  const noisy = noisyLabel(load);
  if (noisy) out.push(noisy, '');
  if (r.generate) out.push(...renderGenerate(r.generate));
  if (r.runtime) out.push(...renderRuntime(r.runtime, noisy));
  if (r.notes) out.push('## Notes', '', r.notes.trim(), '');
  return out.join('\n');
}

function renderGenerate(g: GenerateResults): string[] {
  const out: string[] = ['## Generation', ''];
  out.push(
    `Whole-process wall time and peak RSS, median of ${g.runs} runs after ${g.warmup} warm-up round(s), range in parentheses. Tools run one after another inside each round. Peak RSS: ${g.rssSource}. Generation starts from an empty output folder; \`--check\` runs on the output the previous \`--no-client\` run wrote.`,
    '',
  );
  out.push(
    "openapi-typescript and the bare parse read the same input file as faultline. @hey-api/openapi-ts reads the normalized bundle faultline hands it (`generated/openapi.json` of the `--no-client` run): on GitHub's raw spec it tries to download `$ref: https://...` keys found inside examples and fails offline.",
    '',
  );
  out.push('### Targets', '', '| spec | ratio | measured | target | |', '|---|---|---|---|---|');
  for (const s of g.specs) {
    for (const t of GENERATE_TARGETS)
      out.push(`| ${s.spec} | ${t.ratio} | ${f2(s.ratios[t.ratio])}x | ≤ ${t.target}x | ${verdict(s.ratios[t.ratio], t.target)} |`);
  }
  out.push('');
  for (const s of g.specs) {
    out.push(`### ${s.spec}`, '', `${(s.bytes / 1e6).toFixed(2)} MB, ${s.operations} operations.`);
    if (s.patched.length)
      out.push(
        `faultline refuses this spec as published (NO_ERROR_BODY: it cannot prove the \`oneOf\` branches of ${s.patched.length} error schema(s) exclusive). Every tool ran on a temp copy with faultline's suggested fix applied (\`oneOf\` -> \`anyOf\` at ${s.patched.map((p) => `\`${p}\``).join(', ')}).`,
      );
    if (s.remoteExampleRefs)
      out.push(
        `faultline's normalized bundle still holds ${s.remoteExampleRefs} \`$ref: https://...\` keys inside example payloads, so hey-api alone got a copy with those keys renamed to \`x-example-ref\`; faultline's own with-client run hands hey-api the bundle as is (see its exit code).`,
      );
    for (const [tool, t] of Object.entries(s.tools))
      if (t?.error)
        out.push(
          '',
          `**${tool} failed in some runs** (exit codes ${t.exitCodes.join(',')}; the timing of failed runs is kept: they did the same work): \`${t.error.replace(/\s+/g, ' ').slice(0, 300)}\``,
        );
    if (s.error) out.push('', `**Failed:** ${s.error.split('\n')[0]}`);
    out.push('', '| tool | wall ms | peak RSS MB | exit codes |', '|---|---|---|---|');
    for (const tool of GENERATE_TOOLS) {
      const t = s.tools[tool];
      if (t) out.push(`| ${tool} | ${range(t.wallMs)} | ${range(t.peakRssMb)} | ${[...new Set(t.exitCodes)].join(',')} |`);
    }
    out.push('');
  }
  return out;
}

function renderRuntime(rt: RuntimeResults, noisy: string | undefined): string[] {
  const out: string[] = ['## Runtime (specs/users.yaml)', ''];
  if (noisy) out.push(noisy, '');
  out.push(
    `autocannon, ${rt.connections} connections, 127.0.0.1, ${rt.durationSec} s per run, ${rt.rounds} measured rounds per scenario after a 1 s warm-up per server, servers in alternation (generated, peer, bare, generated, ...); ${rt.pinning}. Each server is its own child process with the same routes, the same in-memory store (user \`pam\` seeded) and the same answers. CPU us/req = the server process's user+system CPU time over the requests it finished during the run. Medians, range in parentheses. Valid POST sends a unique username per request (setupRequest with a counter), so all answers are 201.`,
    '',
  );
  const described = rt.servers ?? (Object.keys(SERVERS) as ServerName[]).map((name) => ({ name, ...SERVERS[name] }));
  const label = (n: string) => described.find((d) => d.name === n);
  out.push('Servers (target, mode):', '', ...described.map((d) => `- **${d.name}**: ${d.label}; target ${d.target}; ${d.mode}`), '');
  out.push(
    'Every server runs with NODE_ENV=production; the generated services are given `validateResponses: true`. Bare Express validates nothing: its "invalid POST" answer is whatever the handler does (a 409 after the first), so it is only a ceiling there.',
    '',
  );
  out.push(
    '### Targets',
    '',
    '| scenario | express: generated − bare CPU us/req (target ≤ 25) | express: generated / peer req/s | fastify / peer req/s (goal ≥ 2x on valid POST) | fastify − bare CPU us/req | peer − bare CPU us/req |',
    '|---|---|---|---|---|---|',
  );
  for (const s of rt.scenarios) {
    const r = s.ratios;
    const fastifyGoal = s.scenario.startsWith('valid POST') ? ` ${verdict(r['throughput fastify / peer'], 2, false)}` : '';
    out.push(
      `| ${s.scenario} | ${f1(r['CPU us/req generated - bare'])} ${verdict(r['CPU us/req generated - bare'], 25)} | ${f2(r['throughput generated / peer'])}x | ${f2(r['throughput fastify / peer'])}x${fastifyGoal} | ${f1(r['CPU us/req fastify - bare'])} | ${f1(r['CPU us/req peer - bare'])} |`,
    );
  }
  out.push('');
  for (const s of rt.scenarios) {
    out.push(
      `### ${s.scenario}`,
      '',
      '| server | target | mode | req/s | p99 ms | CPU us/req | answers with expected status | statuses |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const [name, v] of Object.entries(s.servers)) {
      if (!v) continue;
      out.push(
        `| ${name} | ${label(name)?.target ?? '?'} | ${label(name)?.mode ?? '?'} | ${range(v.reqPerSec)} | ${range(v.p99Ms)} | ${range(v.cpuMicrosPerReq, f1)} | ${(v.expectedShare * 100).toFixed(1)}% | ${Object.entries(
          v.statuses,
        )
          .map(([c, n]) => `${c}×${n}`)
          .join(', ')}${v.errors ? `, ${v.errors} errors` : ''} |`,
      );
    }
    out.push('', `p99 generated / peer: ${f2(s.ratios['p99 generated / peer'])}x.`, '');
  }
  if (rt.specSize) out.push(...renderSpecSize(rt.specSize, noisy));
  if (rt.startup) out.push(...renderStartup(rt.startup, noisy));
  return out;
}

function renderStartup(st: StartupResults, reportNoisy: string | undefined): string[] {
  const out: string[] = [`## Startup (${st.spec})`, ''];
  // measured under its own load when re-run alone (BENCH_ONLY=startup)
  const noisy = st.load ? noisyLabel(st.load) : reportNoisy;
  if (noisy) out.push(noisy, '');
  if (st.error) return [...out, `**Failed:** ${st.error.split('\n')[0]}`, ''];
  if (st.patched.length)
    out.push(
      `Generated (with --no-client, into a temp folder) from a temp copy with \`oneOf\` -> \`anyOf\` at ${st.patched.length} refused error schema(s), as above.`,
      '',
    );
  if (!st.modes) return [...out, ...renderLegacyStartup(st)];
  const firstRequests = st.modes[0]?.runs[0]?.firstRequests.length ?? 0;
  out.push(
    `Handlers answer each operation's first documented 2xx with the spec's example (no body when the response has none). Defaults as shipped (request and response validation on). ${firstRequests} GET operations spread over the spec, each requested once cold and once warm. Two modes, ${st.rounds} interleaved rounds each (medians, range in parentheses):`,
    '',
  );
  for (const m of st.modes) out.push(`- **${m.mode}**: ${m.command}`);
  out.push(
    '',
    `Generated with --no-client in ${f0(st.generateMs)} ms. The production mode is the service compiled the way its own build does: ${st.compiler}, ${f0(st.compileMs ?? NaN)} ms (not part of start-up). The 1 s target is judged on **${st.judgedOn}**. On a busy machine wall time stretches; the server's CPU time (user + system, Node's own start-up included) is the steadier figure.`,
    '',
    '| mode | spawn to listening ms | spawn to first correct answer ms | server CPU ms at listening | server CPU ms at first correct answer | entry module to listening ms | first request per operation ms | first requests above 100 ms |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const m of st.modes)
    out.push(
      `| ${m.mode} | ${range(m.listenMs)} | ${range(m.firstCorrectAnswerMs)} | ${range(m.listenCpuMs)} | ${range(m.firstCorrectAnswerCpuMs)} | ${range(m.bootMs)} | ${range(m.firstRequestMs, f1)} | ${m.over100ms} of ${m.runs.flatMap((r) => r.firstRequests).length} |`,
    );
  const judged = st.modes.find((m) => m.mode === st.judgedOn);
  if (judged)
    out.push(
      '',
      `Targets (${judged.mode}): first correct answer ≤ 1000 ms after spawn: median ${f0(judged.firstCorrectAnswerMs.median)} ms wall, ${verdict(judged.firstCorrectAnswerMs.median, 1000)} (server CPU ${f0(judged.firstCorrectAnswerCpuMs.median)} ms, ${verdict(judged.firstCorrectAnswerCpuMs.median, 1000)}); no first request above 100 ms: ${judged.over100ms === 0 ? 'met' : '**missed**'}.`,
    );
  out.push(
    '',
    `| operation | url | ${st.modes.map((m) => `status, ${m.mode} | first ms, ${m.mode} | second ms, ${m.mode}`).join(' | ')} |`,
  );
  out.push(`|---|---|${st.modes.map(() => '---|---|---|').join('')}`);
  const ops = st.modes[0].runs[0]?.firstRequests ?? [];
  ops.forEach((q, i) => {
    const cells = st.modes!.map((m) => {
      const samples = m.runs.map((r) => r.firstRequests[i]).filter(Boolean);
      const statuses = [...new Set(samples.map((s) => s.status))].join('/');
      const wrong = samples.some((s) => !s.correct) ? ' **undocumented**' : '';
      return `${statuses}${wrong} | ${f1(summarize(samples.map((s) => s.ms)).median)} | ${f1(summarize(samples.map((s) => s.secondMs)).median)}`;
    });
    out.push(`| ${q.operation} | \`${q.url}\` | ${cells.join(' | ')} |`);
  });
  out.push('');
  return out;
}

/** Results saved before the bench measured two modes: one run through tsx. */
function renderLegacyStartup(st: StartupResults): string[] {
  const out: string[] = [];
  const requests = st.firstRequests ?? [];
  out.push(
    `One run, the server through tsx. Handlers answer each operation's first documented 2xx with the spec's example. ${requests.length} GET operations spread over the spec, each requested once cold and once warm.`,
    '',
    `- generate --no-client: ${f0(st.generateMs)} ms`,
    `- spawn to listening: ${f0(st.listenMs ?? NaN)} ms`,
    `- spawn to first correct answer: ${f0(st.firstCorrectAnswerMs ?? NaN)} ms (target: 1000 ms)`,
  );
  if (st.firstCorrectAnswerCpuMs !== undefined)
    out.push(
      `- server CPU time: ${f0(st.listenCpuMs ?? NaN)} ms at listening (entry module to listening: ${f0(st.bootMs ?? NaN)} ms), ${f0(st.firstCorrectAnswerCpuMs)} ms at the first correct answer`,
    );
  if (st.firstRequestMs)
    out.push(
      `- first request per operation: median ${f1(st.firstRequestMs.median)} ms, range ${f1(st.firstRequestMs.min)}–${f1(st.firstRequestMs.max)} ms; above 100 ms: ${st.over100ms} of ${requests.length} (target: none) ${st.over100ms === 0 ? 'met' : '**missed**'}`,
    );
  out.push('', '| operation | url | status | documented | first ms | second ms |', '|---|---|---|---|---|---|');
  for (const q of requests)
    out.push(`| ${q.operation} | \`${q.url}\` | ${q.status} | ${q.correct ? 'yes' : '**no**'} | ${f1(q.ms)} | ${f1(q.secondMs)} |`);
  out.push('');
  return out;
}

function renderSpecSize(sz: SpecSizeResults, noisy: string | undefined): string[] {
  const out: string[] = ['## Cost per request against spec size', ''];
  if (noisy) out.push(noisy, '');
  if (sz.error) return [...out, `**Failed:** ${sz.error.split('\n')[0]}`, ''];
  out.push(
    `specs/users.yaml and ${sz.spec} (${sz.operations} operations), generated by the same faultline and served by the same app.ts and harness, target express, NODE_ENV=production with response validation on. Server CPU us/req, median of ${sz.rounds} interleaved ${sz.durationSec} s runs (range). Target: GitHub within 10% of users (ratio ≤ 1.10).`,
    '',
  );
  out.push(
    '| scenario | users request | users CPU us/req | GitHub request | GitHub CPU us/req | GitHub / users | |',
    '|---|---|---|---|---|---|---|',
  );
  for (const s of sz.scenarios) {
    const note = (side: { expectedShare: number; status: number }) =>
      side.expectedShare < 1 ? ` (only ${(side.expectedShare * 100).toFixed(0)}% answered ${side.status})` : '';
    out.push(
      `| ${s.name} | \`${s.users.method} ${s.users.url}\`${note(s.users)} | ${range(s.users.cpuMicrosPerReq, f1)} | \`${s.github.method} ${s.github.url}\`${note(s.github)} | ${range(s.github.cpuMicrosPerReq, f1)} | ${f2(s.cpuRatio)} | ${verdict(s.cpuRatio, 1.1)} |`,
    );
  }
  out.push('');
  return out;
}

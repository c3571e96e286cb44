/**
 * bench/first-use: what each operation's first request pays to compile its validators, measured in
 * process on a generated service (default .tmp/gh, GitHub's spec: `node bin/faultline.js generate
 * ../shared/corpus/openapi-typescript/github-api-2022-10.yaml --out .tmp/gh --no-client`). For every operation, in contract order, with one engine (so component schemas compiled
 * for an earlier operation are shared, as in a running service): the request validators, then the
 * response validators of its first documented 2xx status (what its first successful answer compiles).
 * Prints the slowest operations and the distribution; CPU time of this process (process.cpuUsage), so
 * the machine's other load stretches it less than wall time.
 *
 *   npm run bench:first-use -- [service folder, default .tmp/gh] [--top 15] [--only operationName]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '.tmp/gh');
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const top = Number(flag('top') ?? 15);
const only = flag('only');

const generated = join(dir, 'generated');
const { contract } = await import(pathToFileURL(join(generated, 'contract.gen.ts')).href);
const { ValidationEngine } = await import(pathToFileURL(join(generated, 'runtime/validate/index.ts')).href);
const spec = JSON.parse(readFileSync(join(generated, 'openapi.json'), 'utf8'));

type Op = { name: string; validation: { responses: { status: string }[] } };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const engine = new ValidationEngine(spec, true);
const rows: { name: string; requestMs: number; responseMs: number; status?: string }[] = [];
for (const op of contract.operations as Op[]) {
  if (only && op.name !== only) continue;
  const t0 = cpu();
  engine.request(op);
  const t1 = cpu();
  const ok = op.validation.responses.find((r) => /^2/.test(r.status));
  if (ok) engine.response(op, ok.status === '2XX' ? 200 : Number(ok.status));
  const t2 = cpu();
  rows.push({ name: op.name, requestMs: t1 - t0, responseMs: t2 - t1, status: ok?.status });
}
const total = (r: (typeof rows)[number]) => r.requestMs + r.responseMs;
const sorted = [...rows].sort((a, b) => total(b) - total(a));
const ms = (v: number) => v.toFixed(1).padStart(7);
console.log(`${rows.length} operations of ${dir}; CPU ms to compile on first use (request + first 2xx response):`);
for (const r of sorted.slice(0, top))
  console.log(`${ms(total(r))}  request ${ms(r.requestMs)}  response ${r.status ?? '-'} ${ms(r.responseMs)}  ${r.name}`);
const totals = rows.map(total).sort((a, b) => a - b);
const q = (p: number) => totals[Math.min(totals.length - 1, Math.floor(p * totals.length))]!;
console.log(
  `median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)}, max ${q(1).toFixed(1)}; over 50 ms: ${totals.filter((t) => t > 50).length}, over 100 ms: ${totals.filter((t) => t > 100).length}; sum ${totals.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
);

/**
 * `faultline verify <spec> --url <base>`: options in, report out. All the work is in
 * generator/verify (the pure core); this file parses argv, prints, writes report files and picks
 * the exit code: 0 clean, 1 findings, 2 usage or spec errors (an unreachable URL included).
 */
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadSpec } from '../load/index.js';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { verify, UnreachableError, VERIFY_DEFAULTS } from '../verify/index.js';
import { formatProgress, formatSummary } from '../verify/format-text.js';
import { renderHtml } from '../verify/format-html.js';
import { EXIT, UsageError, type CommandIO } from './io.js';

const HELP = `usage: faultline verify <spec> --url <base> [options]

  --url <base>             base URL of the running service (required)
  --max-requests <n>       cap on requests sent (default ${VERIFY_DEFAULTS.maxRequests})
  --concurrency <n>        requests in flight at once (default ${VERIFY_DEFAULTS.concurrency})
  --timeout <ms>           per-request timeout (default ${VERIFY_DEFAULTS.timeoutMs})
  --seed <n>               seed for generated values; the same seed repeats the run (default ${VERIFY_DEFAULTS.seed})
  --header 'Name: value'   sent with every request, repeatable (auth)
  --report json <file>     write the report as JSON; repeatable
  --report html <file>     write a self-contained HTML report

exit codes: 0 no findings, 1 findings, 2 usage or spec errors, unreachable URL`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const options = parseOptions(args);
  if (options === 'help') {
    io.stdout(HELP + '\n');
    return EXIT.ok;
  }
  const spec = loadSpec(options.spec, { cwd: io.cwd });
  for (const d of spec.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (!spec.document || hasErrors(spec.diagnostics)) return EXIT.usage;

  const progress = io.isTTY ? (done: number, total: number, failing: number) => io.stdout(formatProgress(done, total, failing)) : undefined;
  let report;
  try {
    report = await verify({ document: spec.document, baseUrl: options.url, seed: options.seed, maxRequests: options.maxRequests, concurrency: options.concurrency, timeoutMs: options.timeoutMs, headers: options.headers, onProgress: progress });
  } catch (err) {
    if (!(err instanceof UnreachableError)) throw err;
    io.stderr(`faultline verify: ${err.message}\nIs the service running, and is --url right?\n`);
    return EXIT.usage;
  }
  if (progress) io.stdout('\r\x1b[2K');
  for (const note of report.notes) io.stderr(`warning ${note}\n`);
  const { notes: _notes, ...data } = report;
  for (const { format, file } of options.reports) {
    const path = resolve(io.cwd, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, format === 'json' ? JSON.stringify(data, null, 2) + '\n' : renderHtml(data));
  }
  io.stdout(formatSummary(data));
  return data.findings.length ? EXIT.findings : EXIT.ok;
}

interface Options {
  spec: string;
  url: string;
  maxRequests: number;
  concurrency: number;
  timeoutMs: number;
  seed: number;
  headers: Record<string, string>;
  reports: { format: 'json' | 'html'; file: string }[];
}

function parseOptions(args: string[]): Options | 'help' {
  const { values, tokens } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    tokens: true,
    options: {
      url: { type: 'string' },
      'max-requests': { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      seed: { type: 'string' },
      header: { type: 'string', multiple: true },
      report: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const { positionals, reports } = pairReports(tokens ?? []);
  if (positionals.length !== 1) throw new UsageError(`expected one spec file, got ${positionals.length}\n\n${HELP}`);
  if (!values.url) throw new UsageError(`--url is required\n\n${HELP}`);
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url "${values.url}" is not a URL; expected e.g. http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url must be http or https, got ${url.protocol}`);
  return {
    spec: positionals[0],
    url: values.url,
    maxRequests: integer('--max-requests', values['max-requests'], VERIFY_DEFAULTS.maxRequests, 1),
    concurrency: integer('--concurrency', values.concurrency, VERIFY_DEFAULTS.concurrency, 1),
    timeoutMs: integer('--timeout', values.timeout, VERIFY_DEFAULTS.timeoutMs, 1),
    seed: integer('--seed', values.seed, VERIFY_DEFAULTS.seed, 0),
    headers: parseHeaders(values.header ?? []),
    reports,
  };
}

/** `--report json out.json`: the file is the positional right after the option. */
function pairReports(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>) {
  const positionals: string[] = [];
  const reports: Options['reports'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option' || t.name !== 'report') continue;
    const format = t.value;
    const next = tokens[i + 1];
    if (format !== 'json' && format !== 'html') throw new UsageError(`--report takes json or html, got "${format}"`);
    if (next?.kind !== 'positional') throw new UsageError(`--report ${format} needs a file name, e.g. --report ${format} verify.${format}`);
    reports.push({ format, file: next.value });
    i++;
  }
  return { positionals, reports };
}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return Number(raw);
}

function parseHeaders(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of list) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(entry);
    if (!match || /[\r\n\0]/.test(match[2])) throw new UsageError(`--header "${entry}" is not "Name: value"`);
    out[match[1]] = match[2];
  }
  return out;
}

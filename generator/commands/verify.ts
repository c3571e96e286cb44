/**
 * `faultline verify [spec] --url <base>`: options in, report out. All the work is in generator/verify
 * (the pure core); this file parses argv, prints, writes report files and picks the exit code: 0 clean,
 * 1 findings or spec errors, 2 usage errors, a spec file that cannot be read or an unreachable URL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadCheckedSpec } from '../load/structure.js';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { verify, UnreachableError, VERIFY_DEFAULTS } from '../verify/index.js';
import { formatProgress, formatSummary } from '../verify/format-text.js';
import { renderHtml } from '../verify/format-html.js';
import { EXIT, UsageError, type CommandIO } from './io.js';
import { formatHelp, withCommonFlags, type CommandSpec, type ParsedCommand } from './flags.js';
import { isUnreadable, specFrom, startCommand } from './spec-input.js';

export const SPEC: CommandSpec = {
  name: 'verify',
  usage: 'verify [spec] --url <base> [options]',
  summary: 'Check that a running service keeps its error contract: valid and hostile requests derived from the spec.',
  flags: withCommonFlags([
    { name: 'url', type: 'string', value: '<base>', description: 'base URL of the running service (required)' },
    { name: 'max-requests', type: 'string', value: '<n>', description: `cap on requests sent (default ${VERIFY_DEFAULTS.maxRequests})` },
    {
      name: 'concurrency',
      type: 'string',
      value: '<n>',
      description: `requests in flight at once (default ${VERIFY_DEFAULTS.concurrency})`,
    },
    { name: 'timeout', type: 'string', value: '<ms>', description: `per-request timeout (default ${VERIFY_DEFAULTS.timeoutMs})` },
    {
      name: 'seed',
      type: 'string',
      value: '<n>',
      description: `seed for generated values; the same seed repeats the run (default ${VERIFY_DEFAULTS.seed})`,
    },
    { name: 'header', type: 'string', multiple: true, value: "'Name: value'", description: 'sent with every request (auth)' },
    {
      name: 'report',
      type: 'string',
      multiple: true,
      value: 'json|html <file>',
      description: 'also write the report as JSON or a self-contained HTML page',
    },
  ]),
};

export async function run(args: string[], io: CommandIO): Promise<number> {
  const started = await startCommand(SPEC, args, io);
  if (!started) return EXIT.ok;
  const { flags, config } = started;
  const options = parseOptions(flags, config.input);
  const spec = await loadCheckedSpec(options.spec, { cwd: io.cwd, refRoot: config.refRoot });
  for (const d of spec.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (isUnreadable(spec.diagnostics)) return EXIT.usage;
  if (!spec.document || hasErrors(spec.diagnostics)) return EXIT.findings;

  const progress = io.isTTY ? (done: number, total: number, failing: number) => io.stdout(formatProgress(done, total, failing)) : undefined;
  let report: Awaited<ReturnType<typeof verify>>;
  try {
    report = await verify({
      document: spec.document,
      baseUrl: options.url,
      seed: options.seed,
      maxRequests: options.maxRequests,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      headers: options.headers,
      onProgress: progress,
    });
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

function parseOptions(flags: ParsedCommand, configInput: string | undefined): Options {
  const { positionals, reports } = pairReports(flags.tokens);
  if (positionals.length > 1) throw new UsageError(`expected one spec file, got ${positionals.length}\n\n${formatHelp(SPEC)}`);
  const spec = specFrom(positionals[0], { input: configInput }, 'faultline verify <spec> --url <base>');
  const rawUrl = flags.string('url');
  if (!rawUrl) throw new UsageError(`--url is required\n\n${formatHelp(SPEC)}`);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UsageError(`--url "${rawUrl}" is not a URL; expected e.g. http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url must be http or https, got ${url.protocol}`);
  return {
    spec,
    url: rawUrl,
    maxRequests: integer('--max-requests', flags.string('max-requests'), VERIFY_DEFAULTS.maxRequests, 1),
    concurrency: integer('--concurrency', flags.string('concurrency'), VERIFY_DEFAULTS.concurrency, 1),
    timeoutMs: integer('--timeout', flags.string('timeout'), VERIFY_DEFAULTS.timeoutMs, 1),
    seed: integer('--seed', flags.string('seed'), VERIFY_DEFAULTS.seed, 0),
    headers: parseHeaders(flags.list('header')),
    reports,
  };
}

/** `--report json out.json`: the file is the positional right after the option. */
function pairReports(tokens: ParsedCommand['tokens']) {
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

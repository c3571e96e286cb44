/**
 * Readable logs on a terminal: `12:04:05.123 INFO  listening port=8000`, errors with their stack on
 * the following lines. Used only when stdout is a TTY and NODE_ENV is not production (LOG_FORMAT=json
 * or =pretty forces one); pipes, files and production get pino's JSON lines. Hand-written instead of
 * pino-pretty so every generated service does not carry a dozen packages for a development nicety.
 */
const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '90'],
  20: ['DEBUG', '36'],
  30: ['INFO ', '32'],
  40: ['WARN ', '33'],
  50: ['ERROR', '31'],
  60: ['FATAL', '35'],
};
const SKIPPED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

export function prettyLogs(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const forced = env['LOG_FORMAT']?.toLowerCase();
  if (forced === 'json') return false;
  if (forced === 'pretty') return true;
  return isTTY && env['NODE_ENV'] !== 'production';
}

/** A pino JSON line: the fields read by name, and whatever else was logged. */
interface LogEntry {
  level?: unknown;
  time?: unknown;
  msg?: unknown;
  err?: unknown;
  [field: string]: unknown;
}

/** One pino JSON line -> one readable line (plus the stack of an `err`, indented). */
export function formatLogLine(line: string, color: boolean): string {
  let entry: LogEntry;
  try {
    entry = JSON.parse(line) as LogEntry;
  } catch {
    return line.endsWith('\n') ? line : line + '\n';
  }
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const [label, code] = LEVELS[Number(entry.level)] ?? [String(entry.level).padEnd(5), '0'];
  const time =
    typeof entry.time === 'number'
      ? new Date(entry.time).toTimeString().slice(0, 8) + '.' + String(entry.time % 1000).padStart(3, '0')
      : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !SKIPPED.has(key))
    .map(([key, value]) => `${paint('2', key + '=')}${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [paint('2', time), paint(code, label), entry.msg === undefined ? '' : String(entry.msg), ...fields]
    .filter(Boolean)
    .join(' ');
  const err = entry.err as { stack?: unknown; message?: unknown } | undefined;
  const detail = err && typeof err === 'object' ? String(err.stack ?? err.message ?? JSON.stringify(err)).replace(/^/gm, '    ') : '';
  return head + '\n' + (detail ? detail + '\n' : '');
}

/** A pino destination that writes formatted lines to `out`. */
export function prettyDestination(
  out: { write(text: string): unknown; isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): { write(line: string): void } {
  const color = out.isTTY === true && env['NO_COLOR'] === undefined;
  return { write: (line: string) => void out.write(formatLogLine(line, color)) };
}

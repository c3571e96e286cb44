/**
 * Leaked internals in a response. Each pattern is narrow on purpose: a leak finding must be worth a
 * fix, so "a slash followed by a word" is not a file path, but `/home/app/src/db.js` is.
 */
export interface Leak {
  kind: string;
  /** The matching text, cut short. */
  excerpt: string;
}

const PATTERNS: { kind: string; re: RegExp }[] = [
  // Node/V8: "at fn (file.js:1:2)", "at /srv/app.js:10:5", "at node:internal/x:1:2".
  // The location must look like a source file, so "created at 2024-01-02T03:04:05Z" is not a frame.
  {
    kind: 'stack frame',
    re: /\bat (?:async )?(?:[\w$.<>[\]]+ )?\(?(?:file:\/\/)?(?:[^\s()'"]*\.(?:[cm]?[jt]sx?)|node:[\w/]+|<anonymous>):\d+:\d+\)?/,
  },
  // Python and Java traces.
  { kind: 'stack frame', re: /Traceback \(most recent call last\)|File "[^"]+", line \d+|\bat [\w$.]+\([\w$]+\.java:\d+\)/ },
  { kind: 'node_modules path', re: /node_modules[\\/]/ },
  // Windows paths may arrive JSON-escaped (C:\\Users\\...).
  {
    kind: 'absolute file path',
    re: /(?:^|[\s"'(=:,[])(?:\/(?:home|usr|var|opt|srv|app|root|tmp|Users|workspace|work|mnt|etc)\/[\w.@-]+(?:\/[\w.@-]+)*|[A-Za-z]:\\{1,2}(?:[\w.@ -]+\\{1,2})+[\w.@-]*)/,
  },
  {
    kind: 'database error',
    re: /SQLSTATE|SQLITE_[A-Z]+|syntax error at or near|duplicate key value violates|violates (?:foreign key|not-null|unique|check) constraint|relation "[^"]+" does not exist|UNIQUE constraint failed|no such (?:table|column)|You have an error in your SQL syntax|ORA-\d{5}|ER_[A-Z_]{4,}|unterminated quoted string/,
  },
  {
    kind: 'SQL statement',
    re: /\b(?:SELECT\s+[\w*".,\s]+\s+FROM\s+["\w]+|INSERT\s+INTO\s+["\w]+|UPDATE\s+["\w]+\s+SET\s|DELETE\s+FROM\s+["\w]+)/,
  },
];

/** Headers that must not be sent at all: they tell an attacker the stack. */
const REVEALING_HEADERS = ['x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version'];

export function findLeaks(headers: Record<string, string>, body: string): Leak[] {
  const leaks: Leak[] = [];
  for (const name of REVEALING_HEADERS) {
    if (headers[name] !== undefined) leaks.push({ kind: `${name} header`, excerpt: `${name}: ${headers[name]}` });
  }
  const headerText = Object.entries(headers)
    .filter(([n]) => !REVEALING_HEADERS.includes(n))
    .map(([n, v]) => `${n}: ${v}`)
    .join('\n');
  for (const [where, text] of [
    ['body', body],
    ['headers', headerText],
  ] as const) {
    for (const { kind, re } of PATTERNS) {
      const match = re.exec(text);
      if (match && !leaks.some((l) => l.kind === `${kind} in ${where}`))
        leaks.push({ kind: `${kind} in ${where}`, excerpt: match[0].replace(/^[\s"'(=:,[]+/, '').slice(0, 120) });
    }
  }
  return leaks;
}

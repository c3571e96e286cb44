/**
 * The README's "Stable error codes" section is the runtime's verdict table (templates/runtime/verdicts.ts)
 * and database table (db-errors.ts) written out. This test renders the section from the tables and
 * fails when the README says something else; `UPDATE_README=1` writes the rendered section in.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_DETAILS, VERDICTS } from '../../templates/runtime/verdicts.js';
import {
  NODE_CODES,
  POSTGRES_CLASSES,
  POSTGRES_SQLSTATES,
  SQLITE_CODES,
  type DatabaseErrorRow,
} from '../../templates/runtime/db-errors.js';
import { reasonPhrase } from '../../templates/runtime/http-errors.js';

const README = join(import.meta.dirname, '../../README.md');
const START = '<!-- stable-error-codes:start (rendered from templates/runtime/verdicts.ts by test/unit/verdicts-readme.test.ts) -->';
const END = '<!-- stable-error-codes:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderStableCodes(): string {
  const rows = Object.entries(VERDICTS).map(
    ([code, v]) => `| \`${code}\` | ${v.status} | ${cell('title' in v ? String(v.title) : reasonPhrase(v.status))} | ${cell(v.detail)} |`,
  );
  const db = new Map<string, DatabaseErrorRow>();
  for (const table of [POSTGRES_SQLSTATES, POSTGRES_CLASSES, SQLITE_CODES, NODE_CODES])
    for (const row of Object.values(table)) db.set(row.code, row);
  const dbRows = [...db.values()]
    .sort((a, b) => a.status - b.status || a.code.localeCompare(b.code))
    .map((row) => `| \`${row.code}\` | ${row.status} | ${reasonPhrase(row.status)} | ${cell(DATABASE_DETAILS[row.status])} |`);
  return [
    START,
    '| code | status | title | detail |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Database errors (only where the operation documents the status; 503s carry `Retry-After`):',
    '',
    '| code | status | title | detail |',
    '|---|---|---|---|',
    ...dbRows,
    END,
  ].join('\n');
}

describe('README "Stable error codes"', () => {
  it('lists exactly the codes, statuses and details of the runtime tables', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README has the stable-error-codes markers').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = readme.slice(start, end + END.length);
    const rendered = renderStableCodes();
    if (process.env.UPDATE_README === '1' && current !== rendered) writeFileSync(README, readme.replace(current, rendered));
    else expect(current).toBe(rendered);
  });

  it('gives every code one status and a detail without request data placeholders, except NOT_IMPLEMENTED', () => {
    for (const [code, v] of Object.entries(VERDICTS)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(v.status).toBeGreaterThanOrEqual(400);
      expect(v.detail.length).toBeGreaterThan(0);
      if (code !== 'NOT_IMPLEMENTED') expect(v.detail).not.toMatch(/[<>{}$]/);
    }
  });

  it("has every code the runtime sets by hand (`code: 'X'`) in the table, so none escapes the README", () => {
    const dir = join(import.meta.dirname, '../../templates/runtime');
    const literals = new Set<string>();
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.ts') || name.endsWith('verdicts.ts')) continue;
      for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/\bcode: '([A-Z][A-Z0-9_]*)'/g)) literals.add(m[1]);
    }
    expect(literals.size).toBeGreaterThan(0);
    expect([...literals].filter((code) => !Object.hasOwn(VERDICTS, code))).toEqual([]);
  });
});

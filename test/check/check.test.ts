/**
 * `faultline check` on a fixture project with throws at several depths: in the handler, through
 * functions, methods and constructors, a user subclass of a generated class, a typed mapper, a call
 * cycle, and a chain deeper than --depth. Documented statuses (exact, 5XX, default) are not reported.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generate } from '../../generator/generate.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { checkProject, type CheckFinding } from '../../generator/check/index.js';
import { formatFinding } from '../../generator/check/format.js';
import { tempDir } from '../support/tmp.js';
import { faultline } from '../support/run.js';
import { CHECK_FILES, CHECK_SPEC } from './fixture.js';

describe('faultline check', () => {
  let dir: ReturnType<typeof tempDir>;
  let all: CheckFinding[];
  const out = () => join(dir.path, 'service');
  const spec = () => join(dir.path, 'spec.yaml');
  const model = () => buildModel(loadSpec(spec()).document!).model;
  /** "file:line status class via a@file:line,..." relative to the service: easy to read in a diff. */
  const brief = (f: CheckFinding) =>
    `${f.operation} ${relative(out(), f.file)}:${f.line} ${f.status} ${f.className}` +
    (f.mapper ? ` mapper ${relative(out(), f.mapper.file)}:${f.mapper.line}` : '') +
    (f.via.length ? ` via ${f.via.map((s) => `${s.name}@${relative(out(), s.file)}:${s.line}`).join(',')}` : '');

  beforeAll(async () => {
    dir = tempDir('check');
    writeFileSync(spec(), CHECK_SPEC);
    const generated = await generate({ input: spec(), output: out(), cwd: dir.path, client: false });
    expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [file, text] of Object.entries(CHECK_FILES)) {
      mkdirSync(dirname(join(out(), file)), { recursive: true });
      writeFileSync(join(out(), file), text);
    }
    all = checkProject(model(), out());
  }, 600_000);
  afterAll(() => dir.remove());

  it('reports every undocumented status a handler can reach, with the call path when it is not in the handler', () => {
    const findings = all;
    expect(findings.filter((f) => f.severity !== 'error')).toEqual([]);
    expect(findings.map(brief).sort()).toEqual([
      'GET /items handlers/listItems.ts:6 404 ItemGone',
      'GET /items handlers/listItems.ts:7 418 EarlGrey mapper lib/teapot.ts:6',
      'GET /items lib/items.ts:28 404 NotFoundError via ping@handlers/listItems.ts:8,pong@lib/items.ts:27',
      'GET /items/{id} lib/items.ts:11 409 ConflictError via loadItem@handlers/getItem.ts:7,assertVisible@lib/items.ts:6',
      'GET /items/{id} lib/items.ts:32 409 ConflictError via level1@handlers/getItem.ts:8,level2@lib/items.ts:30,level3@lib/items.ts:31',
      'POST /items lib/items.ts:16 403 ForbiddenError via new ItemService().create@handlers/createItem.ts:8',
      'POST /items lib/items.ts:23 403 ForbiddenError via Audit@handlers/createItem.ts:6',
    ]);
  });

  it('stops following calls at --depth', () => {
    const shallow = checkProject(model(), out(), { depth: 2 }).map(brief);
    expect(shallow.some((f) => f.includes('level3'))).toBe(false);
    expect(shallow).toContain(
      'GET /items/{id} lib/items.ts:11 409 ConflictError via loadItem@handlers/getItem.ts:7,assertVisible@lib/items.ts:6',
    );
    expect(checkProject(model(), out(), { depth: 0 }).map(brief).sort()).toEqual([
      'GET /items handlers/listItems.ts:6 404 ItemGone',
      'GET /items handlers/listItems.ts:7 418 EarlGrey mapper lib/teapot.ts:6',
    ]);
  }, 600_000);

  it('formats a finding as error file:line: METHOD path does not document status (Class), then the call path', () => {
    const finding = all.find((f) => f.via[0]?.name === 'loadItem')!;
    expect(formatFinding(finding, out())).toBe(
      'error lib/items.ts:11: GET /items/{id} does not document 409 (ConflictError)\n  via loadItem() at handlers/getItem.ts:7 -> ' +
        'assertVisible() at lib/items.ts:6',
    );
  });

  it('the CLI exits 1 and lists the findings; generate --check runs it too', () => {
    const checked = faultline(['check', 'spec.yaml', '--out', 'service'], dir.path);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('error service/handlers/listItems.ts:6: GET /items does not document 404 (ItemGone)');
    expect(checked.stderr).toContain(
      'error service/handlers/listItems.ts:7: GET /items does not document 418 (EarlGrey), the status its mapper at ' +
        'service/lib/teapot.ts:6 answers',
    );
    const generateCheck = faultline(['generate', 'spec.yaml', '--out', 'service', '--check', '--no-client'], dir.path);
    expect(generateCheck.code).toBe(1);
    expect(generateCheck.stderr).toContain('GET /items/{id} does not document 409 (ConflictError)');
    const usage = faultline(['check', 'spec.yaml', '--out', 'service', '--depth', 'deep'], dir.path);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--depth must be a whole number');
  }, 600_000);
});

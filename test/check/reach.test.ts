/**
 * How far `faultline check` reaches, and what it must not report, on REACH_FILES over the CHECK_SPEC
 * service: every throw of a 409 that gets out of a handler is found once, with its shortest call path;
 * functions that share a name with a throwing one, and throws a catch swallows, are not reported.
 * Each expectation fails on the check as it was before this file (depth-first, no function references,
 * no Promise.reject, no tsconfig paths, no super(status), no overloads, every catch ignored).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generate } from '../../generator/generate.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { checkProject, type CheckFinding } from '../../generator/check/index.js';
import { formatFinding } from '../../generator/check/format.js';
import { tempDir } from '../support/tmp.js';
import { CHECK_SPEC } from './fixture.js';
import { REACH_FILES } from './reach-fixture.js';

describe('faultline check: reach and false alarms', () => {
  let dir: ReturnType<typeof tempDir>;
  let findings: CheckFinding[];
  const out = () => join(dir.path, 'service');
  const brief = (f: CheckFinding) =>
    `${f.operation} ${relative(out(), f.file)}:${f.line} ${f.status}` +
    (f.via.length
      ? ` via ${f.via.map((s) => `${s.name}${s.byName ? '(by name)' : ''}@${relative(out(), s.file)}:${s.line}`).join(',')}`
      : '');

  beforeAll(async () => {
    dir = tempDir('check-reach');
    const spec = join(dir.path, 'spec.yaml');
    writeFileSync(spec, CHECK_SPEC);
    const generated = await generate({ input: spec, output: out(), cwd: dir.path, client: false });
    expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [file, text] of Object.entries(REACH_FILES)) {
      mkdirSync(dirname(join(out(), file)), { recursive: true });
      writeFileSync(join(out(), file), text);
    }
    // the service's own tsconfig maps @lib/*: check resolves imports as the service's tsc does
    const tsconfig = JSON.parse(readFileSync(join(out(), 'tsconfig.json'), 'utf8'));
    tsconfig.compilerOptions.paths = { '@lib/*': ['./lib/*'] };
    writeFileSync(join(out(), 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    findings = checkProject(buildModel(loadSpec(spec).document!).model, out());
  }, 600_000);
  afterAll(() => dir.remove());

  it('finds each escaping throw once, with its shortest call path, and nothing else', () => {
    expect(findings.filter((f) => f.severity !== 'error')).toEqual([]);
    expect(findings.map(brief).sort()).toEqual(
      [
        // GET /items documents only 500
        'GET /items lib/alias.ts:4 409 via viaAlias@handlers/listItems.ts:12',
        'GET /items lib/caught.ts:10 409 via translate@handlers/listItems.ts:7,rethrown@lib/caught.ts:25',
        'GET /items lib/caught.ts:13 409 via viaCatch@handlers/listItems.ts:8,rethrownByCatch@lib/caught.ts:32',
        // POST /items documents 400, 409 and 5XX
        'POST /items lib/impl.ts:5 403 via createImpl(by name)@handlers/createItem.ts:4',
        // GET /items/{id} documents 404 and 500
        'GET /items/{id} handlers/getItem.ts:9 409',
        'GET /items/{id} handlers/getItem.ts:11 409',
        'GET /items/{id} lib/deep.ts:3 409 via aliasThrow@handlers/getItem.ts:13',
        'GET /items/{id} lib/deep.ts:6 409 via starThrow@handlers/getItem.ts:14',
        'GET /items/{id} lib/probe.ts:16 409 via new Service().run@handlers/getItem.ts:16,this.store.get@lib/probe.ts:23',
        'GET /items/{id} lib/probe.ts:27 409 via countdown@handlers/getItem.ts:17',
        'GET /items/{id} lib/probe.ts:35 409 via even@handlers/getItem.ts:18,odd@lib/probe.ts:32',
        'GET /items/{id} lib/probe.ts:4 409 via throwsConflict(by name)@handlers/getItem.ts:21',
        'GET /items/{id} lib/probe.ts:46 409 via shared@handlers/getItem.ts:20,deepest@lib/probe.ts:45',
        'GET /items/{id} lib/probe.ts:49 409 via rejects@handlers/getItem.ts:22',
        'GET /items/{id} lib/probe.ts:55 409 via overloaded@handlers/getItem.ts:23',
        // own HttpError subclasses: super(409) two classes up, and a status typed as the literal 418
        'GET /items/{id} lib/probe.ts:72 409 via raiseOwn@handlers/getItem.ts:24',
        'GET /items/{id} lib/probe.ts:73 418 via raiseOwn@handlers/getItem.ts:24',
        'GET /items/{id} lib/probe.ts:9 409 via repo.find@handlers/getItem.ts:15',
      ].sort(),
    );
  });

  it('never reports a function that only shares a name with a throwing one, nor a throw a catch swallows', () => {
    const files = new Set(findings.map((f) => relative(out(), f.file)));
    expect(files.has('lib/same-a.ts')).toBe(false);
    // mayConflict (line 4) and mayConflictLater (line 7) are caught without a rethrow
    expect(findings.filter((f) => relative(out(), f.file) === 'lib/caught.ts').map((f) => f.line)).toEqual([10, 13]);
  });

  it('names a function passed by name as such', () => {
    const passed = findings.find((f) => f.via[0]?.name === 'throwsConflict')!;
    expect(formatFinding(passed, out())).toBe(
      'error lib/probe.ts:4: GET /items/{id} does not document 409 (ConflictError)\n' +
        '  via throwsConflict (passed by name) at handlers/getItem.ts:21',
    );
  });
});

/**
 * Structural validation (Redocly's `struct` rule over the loaded document), syntax errors at their exact
 * place, and every use of a dangling $ref: each problem a diagnostic with file, line and pointer.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCheckedSpec, severityOf } from '../../generator/load/structure.js';
import { loadSpec } from '../../generator/load/index.js';
import { formatDiagnostic } from '../../generator/diagnostics.js';

const dir = fileURLToPath(new URL('../fixtures/structure/', import.meta.url));
const load = (name: string) => loadCheckedSpec(name, { cwd: dir });
const brief = (d: { severity: string; line: number; pointer: string; code: string }) => [d.severity, d.code, d.line, d.pointer];

describe('structural validation', () => {
  it('a path key indented at the document root is an error at its line, not a silently lost operation', async () => {
    const { diagnostics } = await load('root-path.yaml');
    expect(diagnostics.map(brief)).toEqual([['error', 'INVALID_STRUCTURE', 8, '#/~1orders']]);
    expect(diagnostics[0].message).toMatch(/Property `\/orders` is not expected here/);
    expect(diagnostics[0].fix).toMatch(/indent it under `paths:`/);
    expect(formatDiagnostic(diagnostics[0])).toMatch(/^error root-path\.yaml:8 #\/~1orders: /);
  });

  it('wrong types, missing required fields and a misspelt key each get their own diagnostic', async () => {
    const { diagnostics } = await load('wrong-types.yaml');
    expect(diagnostics.map(brief)).toEqual([
      ['error', 'INVALID_STRUCTURE', 7, '#/paths/~1items~1{id}/get'],
      ['error', 'INVALID_STRUCTURE', 15, '#/paths/~1items~1{id}/get/respones'],
      ['error', 'INVALID_STRUCTURE', 11, '#/paths/~1items~1{id}/get/parameters/0/required'],
      ['error', 'INVALID_STRUCTURE', 13, '#/paths/~1items~1{id}/get/parameters/1'],
      ['error', 'INVALID_STRUCTURE', 26, '#/paths/~1items~1{id}/delete/responses/404/content/application~1json/schema/properties'],
    ]);
    expect(diagnostics[0].message).toMatch(/`responses` must be present/);
    expect(diagnostics[1].fix).toBe('did you mean `responses`?');
    expect(diagnostics[2].message).toMatch(/Expected type `boolean` but got `string`/);
    expect(diagnostics[3].message).toMatch(/`name` must be present/);
  });

  it('harmless extras and parts faultline never reads are warnings: the spec still loads', async () => {
    const { diagnostics } = await load('warnings-only.yaml');
    expect(diagnostics.map(brief)).toEqual([
      ['warning', 'INVALID_STRUCTURE', 5, '#/info/owner'],
      ['warning', 'INVALID_STRUCTURE', 9, '#/servers/0/variables/env'],
      ['warning', 'INVALID_STRUCTURE', 20, '#/paths/~1ping/get/responses/200/content/application~1json/examples_note'],
    ]);
  });

  it('a valid spec gets no structural diagnostic, and the document is not modified', async () => {
    const plain = loadSpec('../../../specs/users.yaml', { cwd: dir });
    const checked = await loadCheckedSpec('../../../specs/users.yaml', { cwd: dir });
    expect(checked.diagnostics).toEqual([]);
    expect(JSON.stringify(checked.document)).toBe(JSON.stringify(plain.document));
  });

  it('names that are Object.prototype members (constructor, toString) are legal: no false report from Redocly', async () => {
    expect((await load('prototype-names.yaml')).diagnostics).toEqual([]);
  });

  it('`nullable` without `type` is left to the normalizer (one warning with a count), not repeated per place', async () => {
    expect((await load('nullable-without-type.yaml')).diagnostics).toEqual([]);
  });

  it.each([
    ['unknown root key', { message: 'Property `/x` is not expected here.', pointer: '#/~1x', want: 'error' }],
    ['unknown path item key', { message: 'Property `gett` is not expected here.', pointer: '#/paths/~1a/gett', want: 'error' }],
    [
      'unknown operation key',
      { message: 'Property `paramters` is not expected here.', pointer: '#/paths/~1a/get/paramters', want: 'error' },
    ],
    [
      'unknown key in a schema',
      { message: 'Property `optional` is not expected here.', pointer: '#/components/schemas/A/optional', want: 'warning' },
    ],
    [
      'wrong type in a schema',
      { message: 'Expected type `array` but got `boolean`.', pointer: '#/components/schemas/A/required', want: 'error' },
    ],
    ['missing field in info', { message: 'The field `version` must be present on this level.', pointer: '#/info', want: 'warning' }],
  ])('severity: %s', (_name, { message, pointer, want }) => {
    expect(severityOf(message, pointer)).toBe(want);
  });
});

describe('syntax errors at the exact line and column, with a code frame', () => {
  it.each([
    [
      'unclosed quote (js-yaml says a line late)',
      { given: 'unclosed-quote.yaml', line: 3, column: 19, frameLine: '> 3 |   title: "unclosed', text: /Missing closing "quote/ },
    ],
    ['key without a colon', { given: 'missing-colon.yaml', line: 5, column: 5, frameLine: '> 5 |     get', text: /single line/ }],
    // column 118 is the `}` after the trailing comma, where JSON expects a property name
    [
      'minified JSON with a trailing comma',
      {
        given: 'minified-trailing-comma.json',
        line: 1,
        column: 118,
        frameLine: '"description":"ok",}',
        text: /property name|Unexpected token/,
      },
    ],
  ])('%s', async (_name, { given, line, column, frameLine, text }) => {
    const { diagnostics } = await load(given);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SYNTAX_ERROR', line, column, pointer: '#' });
    expect(diagnostics[0].message).toMatch(text);
    const printed = formatDiagnostic(diagnostics[0]).split('\n');
    expect(printed[0]).toMatch(new RegExp(`^error ${given.replace('.', '\\.')}:${line}:${column} #: `));
    expect(printed.join('\n')).toContain(frameLine);
    // the caret sits under the column (frames cut long lines to a window, so compare with the frame's own line)
    const source = printed.find((l) => l.includes('> '))!;
    const caret = printed[printed.indexOf(source) + 1];
    expect(caret.indexOf('^')).toBeGreaterThan(caret.indexOf('|'));
  });

  it('the caret of a short line is under the exact column', async () => {
    const { diagnostics } = await load('unclosed-quote.yaml');
    const [, source, caret] = diagnostics[0].frame!.split('\n');
    expect(source.slice(caret.indexOf('^'))).toBe('');
    expect(caret.indexOf('^')).toBe(source.length);
  });
});

describe('a dangling $ref used many times', () => {
  it('lists the first five uses with their lines and counts them all', async () => {
    const { diagnostics } = await load('dangling-many.yaml');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['REF_DANGLING', 7],
      ['REF_DANGLING', 8],
      ['REF_DANGLING', 12],
      ['REF_DANGLING', 13],
      ['REF_DANGLING', 17],
    ]);
    expect(diagnostics[0].message).toMatch(/used 7 times; the first 5 are listed/);
    expect(diagnostics[1].pointer).toBe('#/paths/~1a/get/responses/410/$ref');
  });
});

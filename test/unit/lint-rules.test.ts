/**
 * One row per rule: a fixture that triggers it (with the exact file:line and pointer where the fix
 * belongs) and the clean fixture that must not. Lines were checked by hand against the fixtures.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { lint, RULE_IDS, type Finding } from '../../generator/lint/index.js';

const FIXTURES = 'test/fixtures/lint';
const at = (name: string) => `${FIXTURES}/${name}`;

function findingsOf(fixture: string, rule: string, rules = {}): Pick<Finding, 'file' | 'line' | 'pointer' | 'severity'>[] {
  const loaded = loadSpec(at(fixture));
  expect(loaded.diagnostics).toEqual([]);
  return lint(loaded, { rules })
    .findings.filter((f) => f.rule === rule)
    .map(({ file, line, pointer, severity }) => ({ file, line, pointer, severity }));
}

type Want = { line: number; pointer: string; file?: string; severity?: 'error' | 'warning' };
const cases: [string, { given: string; rule: string; want: Want[] }][] = [
  [
    'path params without 404',
    { given: 'coverage.yaml', rule: 'path-params-need-404', want: [{ line: 24, pointer: '#/paths/~1items~1{id}/get/responses' }] },
  ],
  [
    'query param without 400 (422 on the POST counts)',
    { given: 'coverage.yaml', rule: 'input-needs-400', want: [{ line: 8, pointer: '#/paths/~1items/get/responses' }] },
  ],
  [
    'only 503: no 500/5XX/default',
    { given: 'coverage.yaml', rule: 'needs-5xx', want: [{ line: 24, pointer: '#/paths/~1items~1{id}/get/responses' }] },
  ],
  [
    'POST to a collection with a body, no 409; default and a bodyless action are fine',
    {
      given: 'coverage.yaml',
      rule: 'create-needs-409',
      want: [{ line: 16, pointer: '#/paths/~1items/post/responses', severity: 'warning' }],
    },
  ],
  [
    'shared response without content reported once; media type without schema',
    {
      given: 'schemas.yaml',
      rule: 'error-without-schema',
      want: [
        { line: 18, pointer: '#/paths/~1b/get/responses/500/content/text~1plain' },
        { line: 59, pointer: '#/components/responses/Empty' },
      ],
    },
  ],
  [
    '404 with a different shape; an inline structural copy is the same',
    {
      given: 'schemas.yaml',
      rule: 'inconsistent-error-schema',
      want: [{ line: 37, pointer: '#/paths/~1d/get/responses/404', severity: 'warning' }],
    },
  ],
  [
    'no value satisfies a required field; a media type faultline cannot render',
    {
      given: 'unbuildable.yaml',
      rule: 'error-body-unbuildable',
      want: [
        { line: 17, pointer: '#/paths/~1b/get/responses/500/content/application~1xml' },
        { line: 28, pointer: '#/components/schemas/Impossible/properties/code' },
      ],
    },
  ],
  [
    'secured (by the document security) without 401; a 4XX, public and optional auth are fine',
    { given: 'security.yaml', rule: 'secured-needs-401', want: [{ line: 8, pointer: '#/paths/~1inherits/get/responses' }] },
  ],
  [
    'scopes without 403 (a warning); a 4XX covers it',
    {
      given: 'security.yaml',
      rule: 'scoped-needs-403',
      want: [{ line: 23, pointer: '#/paths/~1scoped/get/responses', severity: 'warning' }],
    },
  ],
  [
    'a closed allOf branch forbids what another declares (required: no valid object; optional: never present)',
    {
      given: 'closed-allof.yaml',
      rule: 'allof-closed-branch',
      want: [
        { line: 27, pointer: '#/paths/~1notes/get/responses/200/content/application~1json/schema/allOf/0' },
        { line: 51, pointer: '#/components/schemas/Order/allOf/0' },
        { line: 78, pointer: '#/components/schemas/EvaluatedMissing/allOf/0' },
      ],
    },
  ],
  [
    'finding in a referenced file points at that file',
    {
      given: 'split/root.yaml',
      rule: 'error-without-schema',
      want: [{ file: at('split/responses.yaml'), line: 2, pointer: '#/components/responses/Empty' }],
    },
  ],
];

describe('lint rules', () => {
  it.each(cases)('%s', (_name, { given, rule, want }) => {
    const expected = want.map((w) => ({ file: w.file ?? at(given), severity: w.severity ?? 'error', line: w.line, pointer: w.pointer }));
    expect(findingsOf(given, rule)).toEqual(expected);
  });

  it.each(RULE_IDS.map((id) => [id]))('%s finds nothing in the clean spec (ranges and default count)', (rule) => {
    expect(findingsOf('clean.yaml', rule)).toEqual([]);
  });

  it('finds nothing in specs/users.yaml', () => {
    expect(lint(loadSpec('specs/users.yaml')).findings).toEqual([]);
  });
});

describe('allof-closed-branch says what is true', () => {
  const loaded = loadSpec(at('closed-allof.yaml'));
  const findings = lint(loaded).findings.filter((f) => f.rule === 'allof-closed-branch');
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ ...loaded.document, $id: 'spec' });
  const accepts = (pointer: string, value: unknown) => ajv.validate({ $ref: `spec${pointer}` }, value);

  it('a forbidden required property: no object is valid', () => {
    expect(findings.find((f) => f.pointer === '#/components/schemas/Order/allOf/0')?.message).toMatch(
      /required 'id'.*no object can be valid/,
    );
    expect(accepts('#/components/schemas/Order', { item: 'a', id: 1 })).toBe(false);
    expect(accepts('#/components/schemas/Order', { item: 'a' })).toBe(false);
  });

  it('a forbidden optional property: never present', () => {
    const notes = '#/paths/~1notes/get/responses/200/content/application~1json/schema';
    expect(findings.find((f) => f.pointer === `${notes}/allOf/0`)?.message).toMatch(/'author'.*can never be present/);
    expect(accepts(notes, { text: 'a', author: 'b' })).toBe(false);
    expect(accepts(notes, { text: 'a' })).toBe(true);
  });

  it('schemas the rule passes accept an object with every declared property', () => {
    expect(accepts('#/components/schemas/ClosedButComplete', { item: 'a', id: 1 })).toBe(true);
    expect(accepts('#/components/schemas/Evaluated', { item: 'a', note: 'n' })).toBe(true);
    expect(accepts('#/components/schemas/ClosedTogether', { item: 'a', id: 1 })).toBe(true);
  });
});

describe('rule settings', () => {
  it('off drops a rule, warn and error change its severity', () => {
    expect(findingsOf('coverage.yaml', 'needs-5xx', { 'needs-5xx': 'off' })).toEqual([]);
    expect(findingsOf('coverage.yaml', 'needs-5xx', { 'needs-5xx': 'warn' })[0].severity).toBe('warning');
    expect(findingsOf('coverage.yaml', 'create-needs-409', { 'create-needs-409': 'error' })[0].severity).toBe('error');
  });

  it('counts per rule and severity in the summary', () => {
    const { summary } = lint(loadSpec(at('coverage.yaml')), { rules: { 'input-needs-400': 'off' } });
    expect(summary).toMatchObject({ errors: 2, warnings: 1 });
    expect(summary.byRule).toMatchObject({ 'input-needs-400': 0, 'needs-5xx': 1, 'create-needs-409': 1 });
  });

  it.each([
    [{ 'no-such-rule': 'off' }, /unknown lint rule "no-such-rule"/],
    [{ 'needs-5xx': 'loud' }, /must be off, warn or error/],
  ])('rejects %o', (rules, message) => {
    expect(() => lint(loadSpec(at('clean.yaml')), { rules: rules as never })).toThrow(message);
  });

  it('every finding carries a message and a fix', () => {
    for (const f of lint(loadSpec(at('schemas.yaml'))).findings) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.fix.length).toBeGreaterThan(5);
    }
  });
});

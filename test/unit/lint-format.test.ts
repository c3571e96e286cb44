/** The three output formats over fixed findings, so layout changes show up as reviewed diffs. */
import { describe, expect, it } from 'vitest';
import { formatGithub, formatLint, formatStylish } from '../../generator/lint/format.js';
import { summarize, type Finding } from '../../generator/lint/index.js';
import type { Diagnostic } from '../../generator/diagnostics.js';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'needs-5xx',
  severity: 'error',
  file: 'api.yaml',
  line: 12,
  pointer: '#/paths/~1a/get/responses',
  message: 'GET /a documents no 500',
  fix: "add a '500' response",
  ...over,
});
const findings = [
  finding({}),
  finding({ rule: 'create-needs-409', severity: 'warning', line: 104, message: 'POST /a, creates' }),
  finding({ file: 'shared.yaml', line: 3, rule: 'error-without-schema' }),
];
const result = { findings, summary: summarize(findings) };

describe('stylish', () => {
  it('groups by file, aligns lines, ends with counts', () => {
    expect(formatStylish(result)).toBe(
      [
        'api.yaml',
        '   12  error    GET /a documents no 500  needs-5xx',
        "                fix: add a '500' response",
        '  104  warning  POST /a, creates  create-needs-409',
        "                fix: add a '500' response",
        '',
        'shared.yaml',
        '  3  error    GET /a documents no 500  error-without-schema',
        "              fix: add a '500' response",
        '',
        '3 problems (2 errors, 1 warning)',
        'by rule: needs-5xx 1, error-without-schema 1, create-needs-409 1',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(formatStylish({ findings: [], summary: summarize([]) })).toBe('no error-contract problems found\n');
  });
});

describe('github', () => {
  it('writes one annotation per finding, escaping what would end the command', () => {
    const out = formatGithub([finding({ file: 'a,b:c.yaml', message: '100% broken\nreally' })]);
    expect(out).toBe("::error file=a%2Cb%3Ac.yaml,line=12,title=needs-5xx::100%25 broken%0Areally (fix: add a '500' response)\n");
  });

  it('annotates load diagnostics too, without a line when unknown', () => {
    const d: Diagnostic = {
      code: 'FILE_UNREADABLE',
      severity: 'error',
      pointer: '#',
      file: 'gone.yaml',
      line: 0,
      message: 'the spec file does not exist',
    };
    expect(formatGithub([], [d])).toBe('::error file=gone.yaml,title=FILE_UNREADABLE::#: the spec file does not exist\n');
  });

  it('uses ::warning for warnings', () => {
    expect(formatGithub([finding({ severity: 'warning' })])).toMatch(/^::warning file=api.yaml,line=12,title=needs-5xx::/);
  });
});

describe('json', () => {
  it('is an object with findings, diagnostics and summary', () => {
    const parsed = JSON.parse(formatLint('json', result));
    expect(parsed.findings).toEqual(findings);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.summary).toMatchObject({ errors: 2, warnings: 1 });
  });
});

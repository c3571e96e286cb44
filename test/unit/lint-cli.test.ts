/** `faultline lint` end to end through run(): exit codes, streams and flags, with a recording io. */
import { describe, expect, it } from 'vitest';
import { run } from '../../generator/commands/lint.js';
import { main } from '../../generator/cli.js';
import type { CommandIO } from '../../generator/commands/io.js';

function recorder() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { cwd: process.cwd(), stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, env: {} };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function lintCli(...args: string[]) {
  const r = recorder();
  const code = await main(['lint', ...args], r.io);
  return { code, stdout: r.stdout(), stderr: r.stderr() };
}

describe('faultline lint exit codes', () => {
  it.each([
    ['clean spec', ['specs/users.yaml'], 0],
    [
      'only warnings',
      [
        'test/fixtures/lint/coverage.yaml',
        '--rule',
        'needs-5xx=off',
        '--rule',
        'path-params-need-404=off',
        '--rule',
        'input-needs-400=off',
      ],
      0,
    ],
    ['error findings', ['test/fixtures/lint/coverage.yaml'], 1],
    [
      'a warning raised to error',
      [
        'test/fixtures/lint/coverage.yaml',
        '--rule',
        'needs-5xx=off',
        '--rule',
        'path-params-need-404=off',
        '--rule',
        'input-needs-400=off',
        '--rule',
        'create-needs-409=error',
      ],
      1,
    ],
    [
      'error findings turned off',
      [
        'test/fixtures/lint/coverage.yaml',
        '--rule',
        'needs-5xx=off',
        '--rule',
        'path-params-need-404=off',
        '--rule',
        'input-needs-400=off',
        '--rule',
        'create-needs-409=off',
      ],
      0,
    ],
    // an unreadable spec file is a usage error (2), not a finding (1)
    ['missing spec file', ['test/fixtures/lint/nope.yaml'], 2],
    ['unknown flag', ['specs/users.yaml', '--frmat', 'json'], 2],
    ['unknown format', ['specs/users.yaml', '--format', 'xml'], 2],
    ['unknown rule', ['specs/users.yaml', '--rule', 'nope=off'], 2],
    ['bad rule setting', ['specs/users.yaml', '--rule', 'needs-5xx=loud'], 2],
    ['no spec', [], 2],
    ['two specs', ['specs/users.yaml', 'test/fixtures/lint/clean.yaml'], 2],
  ])('%s', async (_name, args, want) => {
    expect((await lintCli(...(args as string[]))).code).toBe(want);
  });
});

describe('faultline lint output', () => {
  it('prints load diagnostics to stderr as error file:line pointer: message', async () => {
    const { stderr, stdout } = await lintCli('test/fixtures/lint/nope.yaml');
    expect(stderr).toBe('error test/fixtures/lint/nope.yaml #: the spec file does not exist (fix: check the path)\n');
    // nothing was linted, so nothing is claimed about the error contract
    expect(stdout).toBe('');
  });

  it('keeps stdout parseable in json format', async () => {
    const { stdout } = await lintCli('test/fixtures/lint/coverage.yaml', '--format', 'json');
    const parsed = JSON.parse(stdout);
    expect(parsed.summary).toMatchObject({ errors: 3, warnings: 1 });
    expect(parsed.findings[0]).toMatchObject({ rule: 'input-needs-400', file: 'test/fixtures/lint/coverage.yaml', line: 8 });
  });

  it('writes GitHub annotations', async () => {
    const { stdout } = await lintCli('test/fixtures/lint/coverage.yaml', '--format', 'github');
    expect(stdout.split('\n')[1]).toMatch(
      /^::warning file=test\/fixtures\/lint\/coverage.yaml,line=16,title=create-needs-409::POST \/items looks like/,
    );
  });

  it('lists the rules in --help', async () => {
    const r = recorder();
    expect(await run(['--help'], r.io)).toBe(0);
    expect(r.stdout()).toContain('inconsistent-error-schema');
  });
});

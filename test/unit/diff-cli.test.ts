/** `faultline diff` through the CLI: formats, --fail-on and exit codes, with a recording io. */
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import type { CommandIO } from '../../generator/commands/io.js';

const V1 = 'test/fixtures/diff/users-v1.yaml';
const V2 = 'test/fixtures/diff/users-v2.yaml';

async function diffCli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { cwd: process.cwd(), stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, env: {} };
  const code = await main(['diff', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('faultline diff exit codes', () => {
  it.each([
    ['changes without --fail-on', [V1, V2], 0],
    ['breaking changes with --fail-on breaking', [V1, V2, '--fail-on', 'breaking'], 1],
    [
      'only non-breaking changes with --fail-on breaking',
      [V1, 'test/fixtures/diff/users-v1-no-delete-404.yaml', '--fail-on', 'breaking'],
      0,
    ],
    ['any change with --fail-on any', [V1, V2, '--fail-on', 'any'], 1],
    ['no change with --fail-on any', [V1, V1, '--fail-on', 'any'], 0],
    // an unreadable spec file is a usage error (2), not a finding (1)
    ['missing spec', [V1, 'nope.yaml'], 2],
    ['one spec only', [V1], 2],
    ['bad --fail-on', [V1, V2, '--fail-on', 'sometimes'], 2],
    ['bad --format', [V1, V2, '--format', 'github'], 2],
    ['unknown flag', [V1, V2, '--strict'], 2],
  ])('%s', async (_name, args, want) => {
    expect((await diffCli(...(args as string[]))).code).toBe(want);
  });
});

describe('faultline diff output', () => {
  it('stylish: grouped by operation, breaking marked, summary last', async () => {
    const { stdout } = await diffCli(V1, V2);
    expect(stdout).toContain(
      'GET /user/{username}  (getUser)\n  breaking  409 added; clients written for the old spec do not expect it  ' +
        'test/fixtures/diff/users-v2.yaml:92\n',
    );
    expect(stdout).toContain('  ok        404 removed  test/fixtures/diff/users-v1.yaml:121\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('9 changes (4 breaking, 5 not breaking)');
  });

  it('json: changes and summary', async () => {
    const parsed = JSON.parse((await diffCli(V1, V2, '--format', 'json')).stdout);
    expect(parsed.summary).toEqual({ breaking: 4, nonBreaking: 5 });
    expect(parsed.changes[0]).toMatchObject({ kind: 'content-type-changed', operation: 'GET /user/', breaking: true });
  });

  it('says so when nothing changed', async () => {
    expect((await diffCli(V1, V1)).stdout).toBe('no error-contract changes\n');
  });

  it('prints load diagnostics instead of a misleading diff', async () => {
    const { stdout, stderr } = await diffCli(V1, 'nope.yaml');
    expect(stderr).toMatch(/^error nope\.yaml #: the spec file does not exist/);
    expect(stdout).toBe('');
  });
});

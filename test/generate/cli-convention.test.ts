/**
 * One CLI convention for every command: -h/--help prints the command's flag table, mistyped commands and
 * flags get a "did you mean", the spec comes from faultline.config.* when not given, and the exit codes
 * follow one table (0 success, 1 problems found, 2 usage or unreadable input, 3 internal error).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../generator/cli.js';
import type { CommandIO } from '../../generator/commands/io.js';
import type { CommandSpec } from '../../generator/commands/flags.js';
import { SPEC as GENERATE } from '../../generator/commands/generate.js';
import { SPEC as LINT } from '../../generator/commands/lint.js';
import { SPEC as DIFF } from '../../generator/commands/diff.js';
import { SPEC as VERIFY } from '../../generator/commands/verify.js';
import { SPEC as NEW } from '../../generator/commands/new.js';
import { SPEC as CHECK } from '../../generator/commands/check.js';
import { REPO, tempDir } from '../support/tmp.js';

async function cli(args: string[], cwd = REPO, stdout?: (t: string) => void) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { cwd, stdout: stdout ?? ((t) => void out.push(t)), stderr: (t) => void err.push(t), isTTY: false, env: {} };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const SPECS: CommandSpec[] = [GENERATE, LINT, DIFF, VERIFY, NEW, CHECK];
const BROKEN = 'test/fixtures/structure/root-path.yaml';

describe('--help and -h on every command', () => {
  it.each(
    SPECS.flatMap(
      (spec) =>
        [
          [spec.name, '--help', spec],
          [spec.name, '-h', spec],
        ] as const,
    ),
  )('%s %s prints its flags', async (name, flag, spec) => {
    // --help wins even next to a mistyped flag
    const ran = await cli([name, flag, '--bogus']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(new RegExp(`^usage: faultline ${name} `));
    for (const f of spec.flags) expect(ran.stdout).toContain(`--${f.name}`);
    expect(ran.stdout).toMatch(/exit codes: 0 success, 1 problems found, 2 usage error or unreadable input, 3 internal error/);
  });

  it("`help <command>` prints that command's help; `help <typo>` suggests the command", async () => {
    const help = await cli(['help', 'generate']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await cli(['generate', '--help'])).stdout);
    const typo = await cli(['help', 'generat']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command "generat"; did you mean "generate"\?/);
  });

  it('documents -o/--output for generate', async () => {
    expect((await cli(['generate', '-h'])).stdout).toMatch(/-o, --out, --output <dir>/);
  });
});

describe('did you mean', () => {
  it('names the closest command', async () => {
    const ran = await cli(['genrate', 'specs/users.yaml']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/unknown command "genrate"; did you mean "generate"\?/);
    expect((await cli(['xyzzy'])).stderr).not.toMatch(/did you mean/);
  });

  it.each([
    ['generate', ['specs/users.yaml', '--outt', 'x'], '--out'],
    ['generate', ['specs/users.yaml', '-o', 'x', '--dryrun'], '--dry-run'],
    ['lint', ['specs/users.yaml', '--frmat', 'json'], '--format'],
    ['diff', ['specs/users.yaml', 'specs/users.yaml', '--fail-onn', 'any'], '--fail-on'],
    ['verify', ['specs/users.yaml', '--ulr', 'http://127.0.0.1:1'], '--url'],
    ['new', ['x', '--spc', 'specs/users.yaml'], '--spec'],
    ['check', ['specs/users.yaml', '-o', 'output/users', '--dpth', '2'], '--depth'],
  ])('names the closest flag of %s', async (name, args, want) => {
    const ran = await cli([name, ...args]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`did you mean '${want}'?`);
  });
});

describe('exit codes per command', () => {
  it.each([
    ['generate', ['generate', 'nope.yaml', '--out', 'test-output/never']],
    ['lint', ['lint', 'nope.yaml']],
    ['diff (old)', ['diff', 'nope.yaml', 'specs/users.yaml']],
    ['diff (new)', ['diff', 'specs/users.yaml', 'nope.yaml']],
    ['verify', ['verify', 'nope.yaml', '--url', 'http://127.0.0.1:1']],
    ['new', ['new', 'test-output/never-new', '--spec', 'nope.yaml']],
    ['check', ['check', 'nope.yaml', '--out', 'output/users']],
  ])('a missing spec file is 2 for %s, with the file named and no "no problems" line', async (_name, args) => {
    const ran = await cli(args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^error nope\.yaml #: the spec file does not exist/m);
    expect(ran.stdout).toBe('');
    expect(existsSync(join(REPO, 'test-output/never'))).toBe(false);
    expect(existsSync(join(REPO, 'test-output/never-new'))).toBe(false);
  });

  it.each([
    ['generate', ['generate', BROKEN, '--out', 'test-output/never']],
    ['lint', ['lint', BROKEN]],
    ['diff', ['diff', 'specs/users.yaml', BROKEN]],
    ['verify', ['verify', BROKEN, '--url', 'http://127.0.0.1:1']],
    ['new', ['new', 'test-output/never-new', '--spec', BROKEN]],
    ['check', ['check', BROKEN, '--out', 'output/users']],
  ])('a spec with a structural error is 1 for %s, located', async (_name, args) => {
    const ran = await cli(args);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^error test\/fixtures\/structure\/root-path\.yaml:8 #\/~1orders: /m);
    expect(existsSync(join(REPO, 'test-output/never-new'))).toBe(false);
  });

  it('a problem found is 1 (lint errors, breaking changes), success is 0', async () => {
    expect((await cli(['lint', 'test/fixtures/lint/coverage.yaml'])).code).toBe(1);
    expect((await cli(['lint', 'specs/users.yaml'])).code).toBe(0);
    expect((await cli(['diff', 'specs/users.yaml', 'specs/users.yaml', '--fail-on', 'any'])).code).toBe(0);
  });

  it('an internal error (a bug, not the input) is 3 and says so', async () => {
    const ran = await cli(['lint', '--help'], REPO, () => {
      throw new TypeError('stdout broke');
    });
    expect(ran.code).toBe(3);
    expect(ran.stderr).toMatch(/internal error: TypeError: stdout broke/);
  });
});

describe('the spec from faultline.config when none is given', () => {
  // made in beforeAll, so a filtered run (-t) that skips this block leaves no folder behind
  let dir: ReturnType<typeof tempDir>;
  const withConfig = (name: string, input: string, output?: string) => {
    const folder = join(dir.path, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'faultline.config.mjs'), `export default ${JSON.stringify({ input, output })};\n`);
    return folder;
  };
  let missing: string;
  let broken: string;
  beforeAll(() => {
    dir = tempDir('cli-config');
    missing = withConfig('missing', 'absent-spec.yaml', 'out');
    broken = withConfig('broken', join(REPO, BROKEN), 'out');
  });
  afterAll(() => dir.remove());

  it.each([
    ['generate', ['generate']],
    ['lint', ['lint']],
    ['diff', ['diff', join(REPO, 'specs/users.yaml')]],
    ['verify', ['verify', '--url', 'http://127.0.0.1:1']],
    ['new', ['new', 'svc']],
    ['check', ['check']],
  ])('%s reads `input` from the config', async (_name, args) => {
    const absent = await cli(args, missing);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/^error absent-spec\.yaml #: the spec file does not exist/m);
    const bad = await cli(args, broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/root-path\.yaml:8 #\/~1orders: /);
    expect(existsSync(join(broken, 'out'))).toBe(false);
    expect(existsSync(join(broken, 'svc'))).toBe(false);
  });

  it('without a spec or a config, the usage error says how to give one', async () => {
    const ran = await cli(['lint'], dir.path);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/missing the spec: faultline lint <spec> \(or set `input` in faultline\.config\.ts\)/);
  });
});

describe('generate --dry-run', () => {
  it('prints what would be written, created and removed, and writes nothing', async () => {
    const out = tempDir('cli-dry-run');
    try {
      const target = join(out.path, 'svc');
      const first = await cli(['generate', 'specs/things.yaml', '--output', target, '--no-client', '--dry-run']);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^faultline: dry run, nothing written/);
      expect(first.stdout).toMatch(/^ {2}write {3}generated\/router\.gen\.ts \(new\)$/m);
      expect(first.stdout).toMatch(/^ {2}create {2}app\.ts$/m);
      expect(existsSync(target)).toBe(false);

      expect((await cli(['generate', 'specs/things.yaml', '-o', target, '--no-client', '--quiet'])).code).toBe(0);
      const contract = join(target, 'generated/contract.gen.ts');
      writeFileSync(contract, readFileSync(contract, 'utf8') + '// edited\n');
      const again = await cli(['generate', 'specs/things.yaml', '-o', target, '--dry-run']);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^ {2}write {3}generated\/contract\.gen\.ts \(changed\)$/m);
      expect(again.stdout).toMatch(/^ {2}write {3}generated\/client\/sdk\.gen\.ts \(new\)$/m);
      expect(again.stdout).not.toMatch(/create {2}app\.ts/);
      expect(readFileSync(contract, 'utf8')).toMatch(/\/\/ edited\n$/);
      expect(existsSync(join(target, 'generated/client'))).toBe(false);
    } finally {
      out.remove();
    }
  });

  it('cannot be combined with --check or --watch', async () => {
    expect((await cli(['generate', 'specs/users.yaml', '-o', 'x', '--dry-run', '--check'])).code).toBe(2);
  });
});

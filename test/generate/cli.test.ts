import { usersOperations } from '../support/users-operations.js';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { faultline } from '../support/run.js';
import { REPO, tempDir } from '../support/tmp.js';

describe('faultline generate (CLI)', () => {
  it('prints a summary with operations, error responses, files and time', () => {
    const out = tempDir('cli-summary');
    try {
      const ran = faultline(['generate', 'specs/users.yaml', '--out', out.path, '--no-client']);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain(`${usersOperations()} operations, `);
      expect(ran.stdout).toMatch(/\d+ operations, \d+ error responses/);
      expect(ran.stdout).toMatch(/\d+ files written/);
      expect(ran.stdout).toMatch(/done in \d+ ms/);
    } finally {
      out.remove();
    }
  });

  it('a bad spec: diagnostics on stderr as `error file:line pointer: message`, exit 1, nothing written', () => {
    const out = join(REPO, 'test-output', 'never-created');
    const ran = faultline(['generate', 'test/fixtures/load/duplicates.yaml', '--out', out]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^error test\/fixtures\/load\/duplicates\.yaml:9 #\/paths\/~1users~1\{userId\}: /m);
    expect(ran.stderr).toMatch(/^error test\/fixtures\/load\/duplicates\.yaml:11 .*operationId "getOne"/m);
    expect(ran.stderr).toMatch(/nothing was written/);
    expect(ran.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['unknown flag', ['generate', 'specs/users.yaml', '--out', 'x', '--bogus']],
    ['missing --out', ['generate', 'specs/users.yaml']],
    ['unknown command', ['frobnicate']],
    ['no command', []],
  ])('usage error (%s) exits 2', (_name, args) => {
    const ran = faultline(args);
    expect(ran.code).toBe(2);
  });

  it('--check lists stale and missing files, names files it did not write, and exits 1', () => {
    const out = tempDir('cli-check');
    try {
      expect(faultline(['generate', 'specs/things.yaml', '--out', out.path, '--no-client']).code).toBe(0);
      const contract = join(out.path, 'generated/contract.gen.ts');
      writeFileSync(contract, readFileSync(contract, 'utf8') + '\n// edited\n');
      mkdirSync(join(out.path, 'generated/old'), { recursive: true });
      writeFileSync(join(out.path, 'generated/old/stale.ts'), 'export {};\n');
      const ran = faultline(['generate', 'specs/things.yaml', '--out', out.path, '--no-client', '--check']);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toMatch(/stale {4}generated\/contract\.gen\.ts/);
      // a file faultline did not write is no drift (generate keeps it), but it is named
      expect(ran.stderr).not.toMatch(/extra {4}generated\/old\/stale\.ts/);
      expect(ran.stderr).toMatch(/not written by faultline: generated\/old\/stale\.ts/);
      const withClient = faultline(['generate', 'specs/things.yaml', '--out', out.path, '--check']);
      expect(withClient.stderr).toMatch(/missing {2}generated\/client\/sdk\.gen\.ts/);
      // --check never writes
      expect(readFileSync(contract, 'utf8')).toMatch(/\/\/ edited/);
    } finally {
      out.remove();
    }
  });
});

describe('generate --check fast path (manifest hashes)', () => {
  it('answers from hashes when nothing changed, and still catches a hand edit and a spec change', async () => {
    const out = tempDir('fastcheck');
    try {
      const spec = join(out.path, 'api.yaml');
      writeFileSync(spec, readFileSync(join(REPO, 'specs/things.yaml'), 'utf8'));
      expect(faultline(['generate', spec, '--out', join(out.path, 'svc'), '--no-client']).code).toBe(0);
      const manifest = JSON.parse(readFileSync(join(out.path, 'svc/generated/.faultline-manifest.json'), 'utf8'));
      expect(Object.keys(manifest.files)).toContain('contract.gen.ts');
      expect(faultline(['generate', spec, '--out', join(out.path, 'svc'), '--no-client', '--check']).code).toBe(0);

      const contract = join(out.path, 'svc/generated/contract.gen.ts');
      const original = readFileSync(contract, 'utf8');
      writeFileSync(contract, original.replace('"title"', '"title" '));
      const edited = faultline(['generate', spec, '--out', join(out.path, 'svc'), '--no-client', '--check']);
      expect(edited.code).toBe(1);
      expect(edited.stderr).toMatch(/stale {4}generated\/contract\.gen\.ts/);
      writeFileSync(contract, original);

      writeFileSync(spec, readFileSync(spec, 'utf8').replace('summary: Delete a thing', 'summary: Remove a thing'));
      const changed = faultline(['generate', spec, '--out', join(out.path, 'svc'), '--no-client', '--check']);
      expect(changed.code).toBe(1);
      expect(changed.stderr).toMatch(/stale {4}generated\/handlers\.gen\.ts/);
    } finally {
      out.remove();
    }
  }, 300_000);
});

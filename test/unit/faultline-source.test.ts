/**
 * faultline-source: the scaffold's faultline dependency points where this faultline came from, read
 * from the lockfile of the project that installed it. Table-driven over hand-built install layouts
 * (what npm leaves on disk for a registry, tarball, git, npx and folder install).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faultlineSource } from '../../generator/scaffold/faultline-source.js';
import { tempDir } from '../support/tmp.js';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => (dir = tempDir('source')));
afterAll(() => dir.remove());

/** A project folder with node_modules/faultline and a lockfile entry for it. */
function installed(name: string, resolved: string | undefined, where: 'hidden' | 'lock' | 'none' = 'hidden'): string {
  const project = join(dir.path, name);
  const pkg = join(project, 'node_modules/faultline');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"faultline","version":"0.1.0"}');
  const lock = {
    lockfileVersion: 3,
    packages: { '': {}, 'node_modules/faultline': resolved === undefined ? { version: '0.1.0' } : { version: '0.1.0', resolved } },
  };
  if (where === 'hidden') writeFileSync(join(project, 'node_modules/.package-lock.json'), JSON.stringify(lock));
  if (where === 'lock') writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lock));
  return pkg;
}

describe('faultlineSource', () => {
  it.each([
    ['registry', 'https://registry.npmjs.org/faultline/-/faultline-0.1.0.tgz', 'registry', '^0.1.0'],
    ['git', 'git+ssh://git@github.com/acme/faultline.git#0123abc', 'git', 'git+ssh://git@github.com/acme/faultline.git#0123abc'],
    ['no-resolved', undefined, 'registry', '^0.1.0'],
  ])('%s install', (name, resolved, kind, spec) => {
    expect(faultlineSource(installed(name, resolved), '0.1.0')).toMatchObject({ kind, spec });
  });

  it('a tarball install points at the tarball, as an absolute path, and says so', () => {
    writeFileSync(join(dir.path, 'faultline-0.1.0.tgz'), 'tgz');
    const got = faultlineSource(installed('tarball', 'file:../faultline-0.1.0.tgz', 'lock'), '0.1.0');
    expect(got).toMatchObject({ kind: 'tarball', spec: `file:${join(dir.path, 'faultline-0.1.0.tgz')}` });
    expect(got.note).toMatch(/tarball .*not from the npm registry/);
  });

  it('npx of a tarball (npm cache folder with a hidden lockfile) points at the tarball', () => {
    mkdirSync(join(dir.path, 'npx/_npx/abc'), { recursive: true });
    const got = faultlineSource(installed('npx/_npx/abc', 'file:../../../faultline-0.1.0.tgz'), '0.1.0');
    expect(got).toMatchObject({ kind: 'tarball', spec: `file:${join(dir.path, 'faultline-0.1.0.tgz')}` });
  });

  it('a tarball that is gone falls back to the registry range and says how to choose', () => {
    const got = faultlineSource(installed('gone', 'file:../missing.tgz'), '0.1.0');
    expect(got).toMatchObject({ kind: 'unknown', spec: '^0.1.0' });
    expect(got.note).toMatch(/--faultline-version/);
  });

  it('no lockfile: the registry range, flagged as a guess', () => {
    expect(faultlineSource(installed('nolock', undefined, 'none'), '0.1.0')).toMatchObject({ kind: 'unknown', spec: '^0.1.0' });
  });

  it('a checkout (not under node_modules) is linked as a folder, also through a symlink', () => {
    const checkout = join(dir.path, 'checkout');
    mkdirSync(checkout);
    expect(faultlineSource(checkout, '0.1.0')).toMatchObject({ kind: 'folder', spec: `file:${checkout}` });
    const linked = join(dir.path, 'linked/node_modules');
    mkdirSync(linked, { recursive: true });
    symlinkSync(checkout, join(linked, 'faultline'));
    expect(faultlineSource(join(linked, 'faultline'), '0.1.0')).toMatchObject({ kind: 'folder', spec: `file:${checkout}` });
  });
});

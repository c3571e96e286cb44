/**
 * Where this faultline came from, as the npm spec a new project's devDependency should use. A project
 * scaffolded by a faultline installed from a tarball, a git checkout or `npx ./faultline.tgz` cannot
 * install `"faultline": "^0.1.0"` from the registry (E404), so the dependency points back at the
 * source. npm records the source in the lockfile of the project that installed faultline
 * (node_modules/.package-lock.json, else package-lock.json): `resolved` is a registry URL, a
 * `file:` tarball path, a git URL, or absent for a linked folder.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export type SourceKind = 'registry' | 'tarball' | 'folder' | 'git' | 'unknown';

export interface FaultlineSource {
  kind: SourceKind;
  /** The npm spec for package.json, e.g. `^0.1.0`, `file:/abs/faultline-0.1.0.tgz`. */
  spec: string;
  /** One sentence for the user: where it came from and what the project will install. */
  note: string;
}

export function faultlineSource(packageRoot: string, version: string): FaultlineSource {
  const real = realpathSync(packageRoot);
  const registry = `^${version}`;
  const marker = `${sep}node_modules${sep}`;
  const at = real.indexOf(marker);
  if (at < 0) {
    return {
      kind: 'folder',
      spec: `file:${real}`,
      note:
        `faultline runs from the folder ${real} (a checkout or a linked folder), not from the npm registry; ` +
        'the project links it from there',
    };
  }
  const project = real.slice(0, at);
  const key = real
    .slice(at + 1)
    .split(sep)
    .join('/');
  const resolved = lockedSource(project, key);
  if (resolved === undefined) {
    return {
      kind: 'unknown',
      spec: registry,
      note:
        `no lockfile says where faultline ${version} came from; the project asks the npm registry for ${registry} ` +
        '(if it is not there, pass --faultline-version file:/path/to/faultline.tgz)',
    };
  }
  if (/^https?:/.test(resolved) || resolved === '')
    return { kind: 'registry', spec: registry, note: `faultline ${version} came from the npm registry` };
  if (/^(git\+|git:|github:|gitlab:|bitbucket:)/.test(resolved))
    return {
      kind: 'git',
      spec: resolved,
      note: `faultline came from git (${resolved}), not from the npm registry; the project installs it from there`,
    };
  const path = resolve(project, resolved.replace(/^file:/, ''));
  if (existsSync(path) && statSync(path).isFile()) {
    return {
      kind: 'tarball',
      spec: `file:${path}`,
      note: `faultline was installed from the tarball ${path}, not from the npm registry; the project installs it from there`,
    };
  }
  if (existsSync(path))
    return {
      kind: 'folder',
      spec: `file:${path}`,
      note: `faultline was installed from the folder ${path}, not from the npm registry; the project links it from there`,
    };
  return {
    kind: 'unknown',
    spec: registry,
    note:
      `faultline was installed from ${resolved}, which is gone; the project asks the npm registry for ${registry} ` +
      '(pass --faultline-version file:/path/to/faultline.tgz to choose)',
  };
}

/** `resolved` of the lockfile entry for `key` (e.g. node_modules/faultline): '' when the entry has none. */
function lockedSource(project: string, key: string): string | undefined {
  for (const file of [
    join(project, 'node_modules', '.package-lock.json'),
    join(project, 'package-lock.json'),
    join(project, 'npm-shrinkwrap.json'),
  ]) {
    if (!existsSync(file)) continue;
    try {
      const entry = (JSON.parse(readFileSync(file, 'utf8')) as { packages?: Record<string, { resolved?: unknown }> }).packages?.[key];
      if (entry) return typeof entry.resolved === 'string' ? entry.resolved : '';
    } catch {
      // an unreadable lockfile: try the next one
    }
  }
  return undefined;
}

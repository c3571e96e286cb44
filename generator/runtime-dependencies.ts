/**
 * The packages the generated code loads at run time, read from the rendered files themselves, and the
 * ones the project's package.json does not list. For the user who runs `generate --out` in their own
 * project: faultline is a devDependency there, and the packages it brings along (busboy,
 * fast-xml-parser, ...) resolve on the developer's machine, so everything works until a production
 * install (`npm ci --omit=dev`) leaves them out and the service stops at start with
 * `Cannot find module 'fast-xml-parser'`. Saying so at generation time costs one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** `import x from 'p'`, `export { x } from 'p'`, `import 'p'` (not `import type`), `import('p')`, `require('p')`. */
const STATIC = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Package names (`ajv`, not `ajv/dist/2020.js`) the .ts files import by value; sorted. */
export function importedPackages(files: ReadonlyMap<string, string>): string[] {
  const names = new Set<string>();
  for (const [path, text] of files) {
    if (!path.endsWith('.ts')) continue;
    for (const match of [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)]) {
      const name = packageName(match[1]);
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

export interface UnlistedDependencies {
  /** The package.json nearest the output folder. */
  packageJson: string;
  /** Imported by the generated code, in none of its dependency lists. */
  missing: string[];
}

/** What the package.json nearest `outDir` lacks; undefined when there is none or it lists everything. */
export function unlistedDependencies(files: ReadonlyMap<string, string>, outDir: string): UnlistedDependencies | undefined {
  const packageJson = nearestPackageJson(outDir);
  if (!packageJson) return undefined;
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // an unreadable package.json is npm's to report
  }
  const listed = new Set<string>();
  if (typeof manifest.name === 'string') listed.add(manifest.name);
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = manifest[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) listed.add(name);
  }
  const missing = importedPackages(files).filter((name) => !listed.has(name));
  return missing.length ? { packageJson, missing } : undefined;
}

function packageName(specifier: string): string | undefined {
  if (/^(\.|\/|node:|#)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

function nearestPackageJson(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return join(at, 'package.json');
    if (dirname(at) === at) return undefined;
  }
}

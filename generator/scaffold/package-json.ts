/**
 * The package.json of a scaffolded project. Dependency ranges are faultline's own (the ranges this
 * repository's lockfile resolves), read from faultline's package.json at run time so they never go
 * stale; faultline itself is a devDependency: generated code does not import it.
 */
import { PACKAGE_JSON } from '../paths.js';

interface Manifest {
  version: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const SELF: Manifest = PACKAGE_JSON;

/**
 * tsx runs the service (`npm start`), so it is a runtime dependency, not only a dev one. ajv and
 * ajv-formats are the compiled validation engine; express-openapi-validator the optional one; busboy
 * (multipart) and fast-xml-parser (XML bodies) the request body parsers the runtime imports.
 */
const RUNTIME = ['ajv', 'ajv-formats', 'busboy', 'express', 'express-openapi-validator', 'fast-xml-parser', 'pino', 'tsx'];
/** typescript for `build`. */
const DEV = ['@types/busboy', '@types/express', '@types/node', 'typescript'];

export interface PackageJsonOptions {
  name: string;
  /** npm spec of faultline itself, default `^<this version>`; scaffold() passes where this faultline came from. */
  faultline?: string;
}

export function scaffoldPackageJson(options: PackageJsonOptions): string {
  const manifest = {
    name: options.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: SELF.engines?.node ?? '>=20.19' },
    scripts: {
      generate: 'faultline generate',
      'generate:check': 'faultline generate --check',
      check: 'faultline check',
      start: 'tsx server.ts',
      dev: 'tsx watch --clear-screen=false server.ts',
      test: 'node --import tsx --test test/contract.test.ts',
      typecheck: 'tsc --noEmit',
      build: "tsc -p tsconfig.build.json && node -e \"require('node:fs').cpSync('generated/openapi.json', 'dist/generated/openapi.json')\"",
      'start:dist': 'node dist/server.js',
    },
    dependencies: pick(RUNTIME),
    devDependencies: sortKeys({ ...pick(DEV), faultline: options.faultline ?? `^${SELF.version}` }),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

function pick(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const range = SELF.dependencies?.[name] ?? SELF.devDependencies?.[name];
    if (!range) throw new Error(`faultline's package.json has no version of ${name} for the scaffold`);
    out[name] = range;
  }
  return sortKeys(out);
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** npm's rules for a package name (lower case, url-safe, at most 214 characters, optional scope). */
export function isValidPackageName(name: string): boolean {
  return name.length <= 214 && /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name);
}

/** A valid package name from a folder name: `My Service!` -> `my-service`. */
export function packageNameFrom(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9-._~]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return name || 'service';
}

/**
 * generated/.faultline-manifest.json: what a run was made from (a hash of the normalized spec, the
 * options and faultline itself) and a hash of every file it wrote. Output is a deterministic function
 * of those inputs, so `--check` can answer "up to date" from hashes alone when the inputs match and no
 * file was touched; otherwise it renders everything and lists what differs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { listFiles } from './write.js';
import { dirname, join, relative, sep } from 'node:path';
import { PACKAGE_JSON, PACKAGE_ROOT } from './paths.js';

export const MANIFEST = '.faultline-manifest.json';

const ROOT = PACKAGE_ROOT;
let toolHashCache: string | undefined;

/** faultline's own sources and templates, and the versions of the generators it drives. */
function toolHash(): string {
  if (toolHashCache) return toolHashCache;
  const hash = createHash('sha256');
  for (const dir of ['generator', 'templates']) {
    for (const file of listFiles(join(ROOT, dir))) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  hash.update(PACKAGE_JSON.version);
  // found like an import, so it also works when npm hoisted them out of faultline's own folder
  for (const name of ['openapi-typescript', '@hey-api/openapi-ts']) hash.update(`${name}@${BUNDLED[name] ?? installedVersion(name)}`);
  toolHashCache = hash.digest('hex');
  return toolHashCache;
}

/**
 * The openapi-typescript version built into dist/cli.mjs (scripts/build.mjs defines the constant): the
 * bundle runs that one, not the installed copy. Undefined when the sources run through tsx.
 */
declare const __FAULTLINE_BUNDLED_OPENAPI_TYPESCRIPT__: string | undefined;
const BUNDLED: Record<string, string | undefined> = {
  'openapi-typescript': typeof __FAULTLINE_BUNDLED_OPENAPI_TYPESCRIPT__ === 'string' ? __FAULTLINE_BUNDLED_OPENAPI_TYPESCRIPT__ : undefined,
};

/** Looked up the way Node resolves a package: node_modules folders from faultline's folder upwards. */
function installedVersion(name: string): string {
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) return String(JSON.parse(readFileSync(path, 'utf8')).version);
    if (dirname(dir) === dir) return 'missing';
  }
}

export function inputHash(document: object, options: Record<string, unknown>): string {
  return createHash('sha256').update(toolHash()).update(JSON.stringify(options)).update(JSON.stringify(document)).digest('hex');
}

export function renderManifest(input: string, generated: Map<string, string>): string {
  const files: Record<string, string> = {};
  for (const rel of [...generated.keys()].sort()) files[rel] = sha256(generated.get(rel)!);
  return JSON.stringify({ input, files }, null, 2) + '\n';
}

/** True when generated/ holds exactly the files the manifest lists, unmodified, for these inputs. */
export function upToDate(outDir: string, input: string): boolean {
  const genDir = join(outDir, 'generated');
  const path = join(genDir, MANIFEST);
  if (!existsSync(path)) return false;
  let manifest: { input?: string; files?: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
  if (manifest.input !== input || !manifest.files) return false;
  const onDisk = listFiles(genDir)
    .map((f) => relative(genDir, f).split(sep).join('/'))
    .filter((rel) => rel !== MANIFEST);
  const listed = Object.keys(manifest.files);
  if (onDisk.length !== listed.length) return false;
  return onDisk.every((rel) => manifest.files![rel] === sha256(readFileSync(join(genDir, rel))));
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

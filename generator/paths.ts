/**
 * Where faultline's own files are. Found by walking up to the folder whose package.json is named
 * faultline, so it holds whether this code runs from the TypeScript sources (through tsx) or from
 * the bundled dist/cli.mjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): { root: string; manifest: { name: string; version: string } } {
  for (let dir = start; ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const manifest = JSON.parse(readFileSync(path, 'utf8'));
      if (manifest.name === 'faultline') return { root: dir, manifest };
    }
    if (dirname(dir) === dir) throw new Error('faultline cannot find its own package.json');
  }
}

const found = findRoot(dirname(fileURLToPath(import.meta.url)));

export const PACKAGE_ROOT = found.root;
/** faultline's package.json, parsed. */
export const PACKAGE_JSON: {
  name: string;
  version: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
} = found.manifest;
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates') + '/';

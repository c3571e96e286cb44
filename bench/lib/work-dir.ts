/**
 * Scratch folders for the benches, inside the repository (under the git-ignored .tmp/), never in
 * os.tmpdir(): a generated service started from there resolves express, ajv, pino, ... from this
 * repository's node_modules and is an ES module through this repository's package.json
 * ("type": "module"). From /tmp it resolved nothing on a fresh machine (`Cannot find module 'express'`),
 * and only passed where an old install in /tmp happened to hide that. NODE_PATH would not help: ES
 * module resolution ignores it, and a symlinked node_modules would still leave the folder without
 * "type": "module".
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function benchWorkDir(prefix: string): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

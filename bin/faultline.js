#!/usr/bin/env node
// The CLI. Uses the bundled dist/cli.mjs (built by `npm run build`, shipped in the package) when it is
// newer than every source file; otherwise runs the TypeScript sources through tsx, so a checkout being
// edited never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bundle = join(root, 'dist/cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
  }
  return newest;
}

let main;
const sources = ['generator', 'templates/runtime'].map((dir) => newestSource(join(root, dir)));
if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources)) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../generator/cli.ts'));
}
const io = {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};
process.exitCode = await main(process.argv.slice(2), io);

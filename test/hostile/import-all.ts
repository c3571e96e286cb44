/**
 * Child process: imports every generated module of every given output folder (server.ts included,
 * listening on port 0) and reports, per module, whether the import threw and whether the canary
 * `globalThis.__PWNED__` or Object.prototype changed.
 *
 * usage: PORT=0 node --import tsx test/hostile/import-all.ts <results.json> <outDir>...
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [resultsFile, ...dirs] = process.argv.slice(2);
const list = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? list(path) : /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
    });
const proto = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const before = proto();
const results: { file: string; error?: string; canary?: unknown; prototype?: boolean }[] = [];
let current: (typeof results)[number] | undefined;
// A module whose namespace is a thenable (it exports `then`) gets called by import(); record, don't crash.
process.on('unhandledRejection', (err) => {
  if (current) current.error = `unhandled rejection after import: ${String((err as Error)?.message ?? err).slice(0, 300)}`;
});
for (const dir of dirs) {
  for (const file of list(dir)) {
    const entry: (typeof results)[number] = { file };
    current = entry;
    try {
      await import(pathToFileURL(file).href);
    } catch (err) {
      entry.error = String((err as Error)?.message ?? err).slice(0, 500);
    }
    const g = globalThis as Record<string, unknown>;
    if (g.__PWNED__ !== undefined) entry.canary = g.__PWNED__;
    if (proto() !== before) entry.prototype = true;
    await new Promise((r) => setTimeout(r, 0));
    results.push(entry);
  }
}
writeFileSync(resultsFile, JSON.stringify(results));
process.exit(0);

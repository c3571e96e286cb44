// Builds dist/cli.mjs, the bundled CLI that bin/faultline.js runs (npm run build).
// Dependencies stay external (installed next to faultline), except openapi-typescript: it is bundled so
// that its `import ts from 'typescript'` can be pointed at generator/typescript-cjs.ts, which loads
// typescript with require(). An ES import of typescript.js (a 9 MB CommonJS file) makes Node scan the
// whole source for export names first, about 300 ms of CPU on every `faultline generate`.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['openapi-typescript', 'typescript']);

// the manifest's hash names the generator versions that run: for the bundled one, the version bundled
const openapiTypescript = JSON.parse(
  readFileSync(new URL('../node_modules/openapi-typescript/package.json', import.meta.url), 'utf8'),
).version;

await build({
  entryPoints: ['generator/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: 'dist/cli.mjs',
  logLevel: 'warning',
  external: Object.keys(dependencies).filter((name) => !bundled.has(name)),
  alias: { typescript: './generator/typescript-cjs.ts' },
  define: { __FAULTLINE_BUNDLED_OPENAPI_TYPESCRIPT__: JSON.stringify(openapiTypescript) },
});

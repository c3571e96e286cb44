/**
 * The `typescript` package, loaded with require() (the bundle, dist/cli.mjs, resolves every
 * `import ts from 'typescript'` here, including openapi-typescript's, which is bundled for that reason).
 * An ES `import` of a CommonJS module makes Node scan its source for export names first: for
 * typescript.js (9 MB) that scan costs about 300 ms of CPU on every run; require() skips it.
 */
import { createRequire } from 'node:module';

const ts: typeof import('typescript') = createRequire(import.meta.url)('typescript');
export default ts;

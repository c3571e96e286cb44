/**
 * The package entry: `import { generate, defineConfig, loadSpec } from 'faultline'`.
 *
 * faultline ships its TypeScript sources and runs them through tsx: plain Node imports
 * generator/index.mjs, which loads this file with tsx's scoped loader (no global hook). TypeScript
 * users get the types from types/index.d.ts ("types" in package.json), which test/e2e/api-types.ts
 * keeps equal to the exports here. Everything exported is pure with respect to the console: results
 * come back as data.
 */
export { generate, type GenerateOptions, type GenerateResult } from './generate.js';
export { defineConfig, loadConfig, ConfigError, type FaultlineConfig, type RuleSetting } from './config.js';
export { loadSpec, type LoadedSpec, type LoadOptions } from './load/index.js';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './diagnostics.js';
export type { WriteReport, CheckReport } from './write.js';
export { scaffold, type ScaffoldOptions, type ScaffoldResult } from './scaffold/index.js';
export { version } from './version.js';

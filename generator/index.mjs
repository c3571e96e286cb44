// The package entry for plain Node. faultline ships TypeScript sources, so index.ts is loaded through
// tsx's scoped loader (tsImport): it compiles faultline's files without registering a global hook in
// the host process. TypeScript reads the types from types/index.d.ts ("types" in package.json).
import { tsImport } from 'tsx/esm/api';

const api = await tsImport('./index.ts', import.meta.url);

export const { generate, defineConfig, loadConfig, ConfigError, loadSpec, formatDiagnostic, hasErrors, scaffold, version } = api;

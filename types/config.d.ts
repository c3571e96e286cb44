/**
 * Public types of `faultline/config`. faultline ships TypeScript sources run by tsx; these declarations
 * keep a user's `tsc` from type-checking faultline's internals with the user's settings.
 * Kept equal to generator/config.ts by test/e2e/api-types.ts (checked by `npm run typecheck`).
 */
export type RuleSetting = 'off' | 'warn' | 'error';

export interface FaultlineConfig {
  /** The spec, e.g. 'specs/users.yaml'. */
  input?: string;
  /** Output folder, e.g. 'src/api'. */
  output?: string;
  /** Generate the typed client with @hey-api/openapi-ts (default true). */
  client?: boolean;
  /** Folder external $refs may reach (default: the spec's folder). */
  refRoot?: string;
  /** JSON pointer of the error schema used for unknown routes and wrong methods. */
  serviceErrorSchema?: string;
  /** The framework the service runs on: 'express' (default) or 'fastify'. */
  target?: 'express' | 'fastify';
  /** lint rule severities, e.g. { 'create-needs-409': 'off' } */
  rules?: Record<string, RuleSetting>;
  /** 'esm' or 'cjs' output; default: "type" in the package.json nearest the output folder. */
  moduleFormat?: 'esm' | 'cjs';
}

/** Types a faultline.config.ts: `export default defineConfig({ input, output })`. */
export declare function defineConfig(config: FaultlineConfig): FaultlineConfig;

/** Finds faultline.config.{ts,mts,js,mjs} in `cwd` (or loads `explicit`). */
export declare function loadConfig(cwd: string, explicit?: string): Promise<{ config: FaultlineConfig; path?: string }>;

export declare class ConfigError extends Error {}

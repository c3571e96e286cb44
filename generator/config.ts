/**
 * faultline.config.ts: typed with defineConfig, found in the working folder or given with --config.
 * Command-line flags override it. Loaded with tsx so TypeScript configs work without a build step.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

export function defineConfig(config: FaultlineConfig): FaultlineConfig {
  return config;
}

const CANDIDATES = ['faultline.config.ts', 'faultline.config.mts', 'faultline.config.js', 'faultline.config.mjs'];

export async function loadConfig(cwd: string, explicit?: string): Promise<{ config: FaultlineConfig; path?: string }> {
  const path = explicit ? resolve(cwd, explicit) : CANDIDATES.map((c) => resolve(cwd, c)).find((p) => existsSync(p));
  if (!path) return { config: {} };
  if (!existsSync(path)) throw new ConfigError(`config file not found: ${explicit}`);
  const { tsImport } = await import('tsx/esm/api');
  const mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: FaultlineConfig };
  const config = unwrapCommonJs(mod.default) ?? {};
  if (typeof config !== 'object' || config === null)
    throw new ConfigError(`${path} must export a config object as default (use defineConfig)`);
  return { config, path };
}

export class ConfigError extends Error {}

/**
 * In a CommonJS package (no "type": "module") tsx compiles faultline.config.ts to CommonJS, and
 * importing that yields `{ default: module.exports }`, whose `default` is the config: unwrap it.
 */
function unwrapCommonJs(exported: unknown): FaultlineConfig | undefined {
  const commonJs = exported as { __esModule?: unknown; default?: unknown } | undefined;
  if (commonJs && typeof commonJs === 'object' && commonJs.__esModule === true && 'default' in commonJs)
    return commonJs.default as FaultlineConfig;
  return exported as FaultlineConfig | undefined;
}

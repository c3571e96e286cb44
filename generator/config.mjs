// `import { defineConfig } from 'faultline/config'`: the light entry for faultline.config.ts. It loads
// only config.ts (node built-ins, no generator), so reading a config stays fast.
import { tsImport } from 'tsx/esm/api';

const config = await tsImport('./config.ts', import.meta.url);

export const { defineConfig, loadConfig, ConfigError } = config;

// `require('faultline/config')`: the entry a CommonJS faultline.config.ts gets. In a package without
// "type": "module" (what `npm init -y` makes), tsx compiles the config to CommonJS, so its
// `import { defineConfig } from 'faultline/config'` becomes a require(); config.mjs cannot be required
// (it awaits at the top level). defineConfig is the identity, so it needs none of faultline here.
'use strict';

function defineConfig(config) {
  return config;
}

/** The real loader is ES module code; it is loaded on first use. */
async function loadConfig(cwd, explicit) {
  const { loadConfig: load } = await import('./config.mjs');
  return load(cwd, explicit);
}

/** Matches the ConfigError the ES module loader throws (a different class object, the same name). */
class ConfigError extends Error {
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.constructor.name === 'ConfigError';
  }
}

module.exports = { defineConfig, loadConfig, ConfigError };

/** generated/runtime/: the runtime is plain TypeScript kept in templates/runtime and copied verbatim. */
import { readFileSync, readdirSync } from 'node:fs';
import { TEMPLATES_DIR } from './templates.js';

export function runtimeFiles(): Map<string, string> {
  const dir = `${TEMPLATES_DIR}runtime/`;
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    files.set(name, readFileSync(dir + name, 'utf8'));
  }
  return files;
}

/** generated/runtime/: the runtime is plain TypeScript kept in templates/runtime and copied verbatim (subfolders too, e.g. validate/). */
import { readFileSync, readdirSync } from 'node:fs';
import { TEMPLATES_DIR } from './templates.js';

export function runtimeFiles(): Map<string, string> {
  const dir = `${TEMPLATES_DIR}runtime/`;
  const files = new Map<string, string>();
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => name.split('\\').join('/')).sort();
  for (const name of entries) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    files.set(name, readFileSync(dir + name, 'utf8'));
  }
  return files;
}

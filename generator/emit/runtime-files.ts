/**
 * generated/runtime/: the runtime is plain TypeScript kept in templates/runtime and copied verbatim (subfolders too, e.g. validate/).
 * runtime/fastify/ is copied only for `--target fastify`, whose index.ts and native.ts replace the
 * Express ones, so an Express service never sees Fastify and a Fastify service never loads Express.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { TEMPLATES_DIR } from './templates.js';

export type Target = 'express' | 'fastify';
export const TARGETS: readonly Target[] = ['express', 'fastify'];

/** For `--target fastify`, these runtime files re-export runtime/fastify/'s instead of the Express ones (fixed text, no spec input). */
const FASTIFY_ENTRIES: Record<string, string> = {
  'index.ts': "/** The runtime of a Fastify service: see fastify/index.ts. */\nexport * from './fastify/index.js';\n",
  'native.ts': "/** Fastify's request and reply are the handlers' escape hatch: see fastify/native.ts. */\nexport type { NativeRequest, NativeResponse } from './fastify/native.js';\n",
};

export function runtimeFiles(target: Target = 'express'): Map<string, string> {
  const dir = `${TEMPLATES_DIR}runtime/`;
  const files = new Map<string, string>();
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => name.split('\\').join('/')).sort();
  for (const name of entries) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    if (name.startsWith('fastify/') && target !== 'fastify') continue;
    files.set(name, target === 'fastify' && FASTIFY_ENTRIES[name] ? FASTIFY_ENTRIES[name] : readFileSync(dir + name, 'utf8'));
  }
  return files;
}

/**
 * Work folders for services the bench generates. They live inside the repo (node_modules/.cache), not
 * in the system temp folder: a generated service imports express, fastify and pino, and Node resolves
 * those from the service's own folder upwards, which from /tmp finds nothing.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function benchWorkDir(prefix: string): string {
  const base = join(ROOT, 'node_modules/.cache/faultline-bench');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}

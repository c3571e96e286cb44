/** Temporary folders inside the repo, so generated code resolves this repo's node_modules and ESM package.json. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function tempDir(prefix: string): { path: string; remove(): void } {
  const base = join(REPO, 'test-output');
  mkdirSync(base, { recursive: true });
  const path = mkdtempSync(join(base, `${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

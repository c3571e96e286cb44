/**
 * Whether the generated .ts files will run as ES modules or as CommonJS. Node decides that from the
 * nearest package.json's "type" ("module" -> ESM; anything else, or no package.json -> CommonJS), and
 * so do TypeScript's NodeNext settings and tsx; faultline asks the same question about the output
 * folder, so `npm init -y` projects (CommonJS) get code without `import.meta`, which CommonJS output
 * cannot have (TS1470). `moduleFormat` in faultline.config.ts overrides the guess.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type ModuleFormat = 'esm' | 'cjs';

export interface ModuleFormatChoice {
  format: ModuleFormat;
  /** The package.json that decided, absent when none was found or the format was given. */
  packageJson?: string;
  /** Why, in a few words, for the summary. */
  reason: string;
}

export function moduleFormatFor(outDir: string, given?: ModuleFormat): ModuleFormatChoice {
  if (given) return { format: given, reason: 'moduleFormat in the config' };
  for (let dir = resolve(outDir); ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(path, 'utf8')) as { type?: unknown }).type;
      } catch {
        type = undefined;
      }
      return type === 'module'
        ? { format: 'esm', packageJson: path, reason: `"type": "module" in ${path}` }
        : { format: 'cjs', packageJson: path, reason: `no "type": "module" in ${path}` };
    }
    if (dirname(dir) === dir) return { format: 'cjs', reason: 'no package.json above the output folder' };
  }
}

/**
 * How router.gen.ts finds generated/openapi.json beside itself: a fixed expression per format (no spec
 * text reaches it).
 */
export function specFileExpression(format: ModuleFormat): string {
  return format === 'esm' ? "new URL('./openapi.json', import.meta.url)" : "__dirname + '/openapi.json'";
}

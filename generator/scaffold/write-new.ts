/** Creates files that do not exist yet and leaves every existing one alone (scaffolds never overwrite). */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

export type NewFile = { path: string; text: string } | { path: string; from: string };

export function writeNewFiles(root: string, files: readonly NewFile[]): { created: string[]; kept: string[] } {
  const created: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const target = resolve(root, file.path);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside the project folder: ${file.path}`);
    if (existsSync(target)) {
      kept.push(file.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    // 'wx' fails rather than overwrite a file that appeared since the check
    if ('text' in file) writeFileSync(target, file.text, { flag: 'wx' });
    else copyFileSync(file.from, target, 1 /* COPYFILE_EXCL */);
    created.push(file.path);
  }
  return { created, kept };
}

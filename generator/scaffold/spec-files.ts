/**
 * Which spec files a scaffolded project gets, and where: every file loadSpec read (the root and all it
 * references), under spec/ with their relative layout kept, so relative `$ref`s still resolve.
 */
import { dirname, relative, resolve, sep } from 'node:path';

export interface SpecCopy {
  /** Absolute path of the file to copy. */
  from: string;
  /** Path inside the new project, posix separators, e.g. spec/things.yaml. */
  to: string;
}

export interface SpecLayout {
  copies: SpecCopy[];
  /** The root spec inside the project, e.g. spec/things.yaml. */
  root: string;
  /** Set when referenced files sit above the root spec's folder: the folder $refs may reach. */
  refRoot?: string;
}

/** `files` is loadSpec's list (root first, absolute paths). */
export function planSpecFiles(files: readonly string[]): SpecLayout {
  const rootDir = dirname(files[0]);
  const base = files.map((f) => dirname(f)).reduce(commonDir, rootDir);
  const copies = [...new Set(files)].map((from) => ({ from, to: toPosix(['spec', relative(base, from)].join(sep)) }));
  return { copies, root: copies[0].to, ...(base !== rootDir ? { refRoot: 'spec' } : {}) };
}

function commonDir(a: string, b: string): string {
  const pa = resolve(a).split(sep);
  const pb = resolve(b).split(sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(sep) || sep;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

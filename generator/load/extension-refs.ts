/**
 * `$ref`s inside vendor extensions (`x-` keys). faultline never uses extension values, and public specs
 * point them at things that are not spec files: documentation topics at markdown files, code samples
 * at `.cs`/`.php` files, sometimes at files that were never published. So such a `$ref` never blocks
 * generation:
 * - a local `#/...` pointer that resolves is kept as written;
 * - a file under the spec's folder (or --ref-root) that exists is read as text, the way Redocly
 *   resolves code samples: `{ $ref: code/sample.cs }` becomes the file's text;
 * - anything else (a missing file or pointer, a URL, a path leaving the folder) is left unresolved:
 *   the object keeps the reference as `x-unresolved-ref` instead of `$ref`, so no tool downstream tries
 *   to follow it, and a warning names it. Nothing is fetched.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve as resolvePath, sep } from 'node:path';
import { MAX_FILE_BYTES, type SourceFile } from './read-file.js';

type Obj = Record<string, unknown>;

export type ExtensionRef = { kind: 'keep' } | { kind: 'text'; text: string } | { kind: 'unresolved'; replacement: Obj; reason: string };

/**
 * What to do with the `$ref` object `obj` found in an extension of `file`. `localExists` tells whether a
 * `#...` fragment resolves in the root document.
 */
export function extensionRef(
  obj: Obj,
  file: SourceFile,
  rootFile: SourceFile,
  rootDir: string,
  localExists: (fragment: string) => boolean,
): ExtensionRef {
  const ref = obj.$ref as string;
  const unresolved = (reason: string): ExtensionRef => {
    const replacement: Obj = {};
    for (const key of Object.keys(obj)) {
      Object.defineProperty(replacement, key === '$ref' ? 'x-unresolved-ref' : key, {
        value: obj[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return { kind: 'unresolved', replacement, reason };
  };
  if (ref.startsWith('#')) {
    if (file === rootFile && localExists(ref)) return { kind: 'keep' };
    return unresolved(file === rootFile ? 'points at nothing in the document' : 'is a pointer inside another file');
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return unresolved('is a URL, and faultline never fetches');
  const hash = ref.indexOf('#');
  if (hash >= 0) return unresolved('points into another file');
  let real: string;
  try {
    real = realpathSync(resolvePath(dirname(file.path), decodeURIComponent(ref)));
  } catch {
    return unresolved('names a file that does not exist');
  }
  const rel = relative(rootDir, real);
  if (rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) return unresolved("leaves the spec's folder");
  try {
    const stat = statSync(real);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return unresolved('is not a readable file');
    return { kind: 'text', text: readFileSync(real, 'utf8') };
  } catch {
    return unresolved('is not a readable file');
  }
}

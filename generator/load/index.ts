/**
 * loadSpec: file -> bundled, checked OpenAPI document. Never throws for a bad spec; every problem is a
 * diagnostic with file, line and pointer. Line numbers are looked up only for reported problems.
 */
import { relative, resolve, isAbsolute } from 'node:path';
import { existsSync } from 'node:fs';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { readSpecFile, lineOf, type SourceFile } from './read-file.js';
import { bundleSpec, type Origin } from './bundle.js';
import { checkRefs, checkStructure, checkVersion } from './validate.js';
import { convertSwagger2, isSwagger2 } from './swagger2.js';
import { liftOpenApi32 } from './openapi-32.js';

export interface LoadedSpec {
  /** The bundled document (only local refs). Undefined when loading failed before bundling. */
  document: Record<string, unknown> | undefined;
  /** 3.0 or 3.1 (3.2 reads as 3.1 plus its new parts) */
  version: '3.0' | '3.1' | undefined;
  diagnostics: Diagnostic[];
  /** Every file read, root first. */
  files: string[];
  /** file and line of a pointer into the bundled document */
  locate(pointer: string): { file: string; line: number };
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export interface LoadOptions {
  cwd?: string;
  /** Folder that external `$ref`s may reach; default: the root spec's own folder. */
  refRoot?: string;
}

export function loadSpec(specPath: string, options: LoadOptions = {}): LoadedSpec {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, specPath);
  const display = (p: string) => displayPath(p, cwd);
  const failed = (d: Diagnostic): LoadedSpec => ({
    document: undefined,
    version: undefined,
    diagnostics: [d],
    files: [absolute],
    locate: () => ({ file: display(absolute), line: 0 }),
  });
  if (!existsSync(absolute)) {
    return failed({
      code: 'FILE_UNREADABLE',
      severity: 'error',
      pointer: '#',
      file: display(absolute),
      line: 0,
      message: 'the spec file does not exist',
      fix: 'check the path',
    });
  }
  const read = readSpecFile(absolute, display(absolute));
  if (!read.ok) return failed(read.diagnostic);
  let root = read.file;
  const converted = isSwagger2(root.data) ? convertSwagger2(root) : undefined;
  if (converted) {
    if (!converted.file) return failed({ ...converted.problem, file: display(absolute), line: lineOf(root, '#/swagger') });
    root = converted.file;
  }
  const locateIn = (origins: Map<string, Origin>, moved?: Map<string, string>) => (pointer: string) =>
    locatePointer(origins, movedBack(pointer, moved));

  const versionProblems = checkVersion(root.data);
  if (versionProblems.length) {
    const origins = new Map([['#', { file: root, pointer: '#', display: display(absolute) }]]);
    const locate = locateIn(origins);
    return {
      ...failed(versionProblems.map((p) => ({ severity: 'error' as const, ...p, ...locate(p.pointer) }))[0]),
      diagnostics: versionProblems.map((p) => ({ severity: 'error' as const, ...p, ...locate(p.pointer) })),
      locate,
    };
  }
  const bundle = bundleSpec(absolute, display, root, options.refRoot && resolve(cwd, options.refRoot));
  const lifted = liftOpenApi32(bundle.document);
  dropPathsExtensions(bundle.document);
  const locate = locateIn(bundle.origins, lifted.moved);
  const diagnostics = bundle.diagnostics.map((d) => (d.line ? d : { ...d, line: lineOfFile(bundle.files, d) }));
  if (converted) diagnostics.unshift({ ...converted.problem, file: display(absolute), line: lineOf(root, '#/swagger') });
  for (const p of lifted.problems) diagnostics.push({ ...p, ...locate(p.pointer) });
  if (!hasErrors(diagnostics)) {
    for (const p of [...checkStructure(bundle.document), ...checkRefs(bundle.document)]) {
      diagnostics.push({ severity: 'error', ...p, ...locate(p.pointer) });
    }
  }
  const version = /^3\.[12]/.test(String((root.data as Record<string, unknown>).openapi)) ? '3.1' : '3.0';
  return { document: bundle.document, version, diagnostics, files: bundle.files.map((f) => f.path), locate };
}

/** Bundler diagnostics carry the pointer inside the file they were found in. */
function lineOfFile(files: SourceFile[], d: Diagnostic): number {
  const file = files.find((f) => displayPathMatches(f.path, d.file));
  return file ? lineOf(file, d.pointer) : 0;
}

function displayPathMatches(path: string, display: string): boolean {
  return path === display || path.endsWith('/' + display) || resolve(display) === path;
}

function locatePointer(origins: Map<string, Origin>, pointer: string): { file: string; line: number } {
  let best: [string, Origin] | undefined;
  for (const entry of origins) {
    const [prefix] = entry;
    if ((pointer === prefix || pointer.startsWith(prefix + '/') || prefix === '#') && (!best || prefix.length > best[0].length))
      best = entry;
  }
  if (!best) return { file: '', line: 0 };
  const [prefix, origin] = best;
  const rest = prefix === '#' ? pointer.slice(1) : pointer.slice(prefix.length);
  const inFile = (origin.pointer === '#' ? '#' : origin.pointer) + rest;
  return { file: origin.display, line: lineOf(origin.file, inFile) };
}

/** A pointer into an operation the loader lifted (OpenAPI 3.2 additionalOperations) -> where the spec wrote it. */
function movedBack(pointer: string, moved: Map<string, string> | undefined): string {
  if (!moved?.size) return pointer;
  for (const [to, from] of moved) if (pointer === to || pointer.startsWith(to + '/')) return from + pointer.slice(to.length);
  return pointer;
}

/**
 * `x-` keys of the Paths object are vendor extensions, not paths (OpenAPI allows them there); faultline
 * never uses extension values, and everything after the loader reads every key of `paths` as a path.
 */
function dropPathsExtensions(doc: Record<string, unknown>): void {
  const paths = doc.paths;
  if (!paths || typeof paths !== 'object' || Array.isArray(paths)) return;
  for (const key of Object.keys(paths)) if (key.startsWith('x-')) delete (paths as Record<string, unknown>)[key];
}

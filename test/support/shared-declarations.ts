/**
 * One strict tsc program over many generated services type-checks each service's copy of faultline's
 * runtime (generated/runtime) and of hey-api's client core (generated/client/client, .../core) again:
 * byte-identical folders, about 60 files each, that were most of the corpus compile's time.
 *
 * This keeps the first copy as source, so tsc checks it in full, and replaces every other copy that is
 * byte-for-byte the same folder by the declarations tsc emits for the first one (as project references
 * do). The services' own files are still checked against exactly the types the source declares, and a
 * copy that differs in any byte stays source and is checked on its own. The folders import only each
 * other and node_modules (checked here, else nothing is replaced), so where a copy sits changes nothing.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Self-contained folders every generated service of one target and module format has alike. */
export const SHARED_FOLDERS = ['generated/runtime', 'generated/client/client', 'generated/client/core'];

function filesOf(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesOf(path) : [path];
    });
}

function sameFolder(a: string, b: string): boolean {
  const fa = filesOf(a).map((f) => relative(a, f));
  const fb = filesOf(b).map((f) => relative(b, f));
  return fa.join('\n') === fb.join('\n') && fa.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

/** Relative imports that leave `folders` (e.g. `../contract.gen.js` from runtime/) would make a copy's place matter. */
function staysInside(service: string, folders: string[], files: string[]): boolean {
  const roots = folders.map((f) => join(service, f) + sep);
  return files.every((file) => {
    const specifiers = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((i) => i.fileName);
    return specifiers.filter((s) => s.startsWith('.')).every((s) => roots.some((root) => join(dirname(file), s).startsWith(root)));
  });
}

/**
 * In `services` (folders under one tsconfig), turns every copy of a SHARED_FOLDERS folder that is
 * identical to the first service's into declarations. Returns how many folders were replaced.
 */
export function shareIdenticalFolders(folders: string[], compilerOptions: ts.CompilerOptions): number {
  const services = folders.map((f) => resolve(f)); // tsc names what it emits by absolute path
  const first = services.find((s) => SHARED_FOLDERS.every((f) => existsSync(join(s, f))));
  if (!first) return 0;
  const sources = SHARED_FOLDERS.flatMap((f) => filesOf(join(first, f))).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  if (!staysInside(first, SHARED_FOLDERS, sources)) return 0;
  const declarations = new Map<string, string>();
  const program = ts.createProgram(sources, {
    ...compilerOptions,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: undefined,
    declarationDir: undefined,
  });
  const emitted = program.emit(undefined, (file, text) => declarations.set(file, text));
  // a declaration tsc cannot write (or a source it cannot read) leaves every copy as source
  if (emitted.emitSkipped || emitted.diagnostics.length || sources.some((s) => !declarations.has(s.replace(/\.ts$/, '.d.ts')))) return 0;
  let replaced = 0;
  for (const service of services) {
    if (service === first) continue;
    for (const folder of SHARED_FOLDERS) {
      const copy = join(service, folder);
      if (!existsSync(copy) || !sameFolder(join(first, folder), copy)) continue;
      for (const source of sources.filter((s) => s.startsWith(join(first, folder) + sep))) {
        const target = join(service, relative(first, source));
        rmSync(target);
        writeFileSync(target.replace(/\.ts$/, '.d.ts'), declarations.get(source.replace(/\.ts$/, '.d.ts'))!);
      }
      replaced++;
    }
  }
  return replaced;
}

/** The compiler options of the corpus tests' one-program tsconfig.json. */
export const STRICT_NODENEXT = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
} as const;

/** The compiler options of a tsconfig.json (its `extends` followed), as the TypeScript API takes them. */
export function optionsOf(tsconfig: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${tsconfig}: unreadable`);
  return parsed.options;
}

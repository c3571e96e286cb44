/**
 * The TypeScript program `faultline check` reads: the service's own files and the project files they
 * import, and nothing else. Packages (node_modules), the default library and the big generated files
 * (types.gen.ts, client/) are read as empty: the check follows calls into the team's code and needs
 * the checker only to resolve names, so their types would cost seconds and add nothing.
 * Imports resolve as the service's own tsc resolves them: the nearest tsconfig.json's module
 * resolution, `paths` and `baseUrl` are used, so an alias such as `@lib/users` or an extensionless
 * import under `moduleResolution: bundler` is followed rather than silently left unchecked.
 */
import ts from 'typescript';
import { readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** Used when the service has no readable tsconfig.json: what faultline's own tsconfig.json.hbs sets. */
const DEFAULTS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
};

/** Whatever the project sets, the check reads no default library, no @types and emits nothing. */
const FIXED: ts.CompilerOptions = {
  allowJs: false,
  noLib: true,
  lib: undefined,
  types: [],
  noEmit: true,
  skipLibCheck: true,
  incremental: false,
  composite: false,
  tsBuildInfoFile: undefined,
  declaration: false,
  plugins: [],
};

/** The nearest tsconfig.json at or above the service folder, its compilerOptions only (files and include are ours). */
export function projectOptions(outDir: string): ts.CompilerOptions {
  const configFile = ts.findConfigFile(outDir, ts.sys.fileExists);
  if (!configFile) return { ...DEFAULTS, ...FIXED };
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) return { ...DEFAULTS, ...FIXED };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configFile), undefined, configFile);
  return { ...parsed.options, ...FIXED };
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

export function createCheckProgram(outDir: string): ts.Program {
  const options = projectOptions(outDir);
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    if (isOpaque(fileName)) return ts.createSourceFile(fileName, '', language);
    return getSourceFile(fileName, language, onError, shouldCreate);
  };
  return ts.createProgram({ rootNames: projectFiles(outDir), options, host });
}

/** Files whose content the check never needs. */
function isOpaque(fileName: string): boolean {
  const f = fileName.split(sep).join('/');
  return f.includes('/node_modules/') || f.endsWith('.d.ts') || f.endsWith('/generated/types.gen.ts') || f.includes('/generated/client/');
}

/** Every .ts/.mts/.tsx file under the service folder (generated/client and packages excepted), sorted. */
function projectFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) {
      const path = join(dir, entry.name);
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.') && !isOpaque(path + '/')) found.push(...projectFiles(path));
    } else if (/\.(m?ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      found.push(join(dir, entry.name));
    }
  }
  return found;
}

/** The team's code: not a package, not a declaration file, not faultline's generated/ folder. */
export function isProjectFile(file: ts.SourceFile, generatedDir: string): boolean {
  const f = file.fileName.split(sep).join('/');
  return !file.isDeclarationFile && !f.includes('/node_modules/') && !f.startsWith(generatedDir.split(sep).join('/') + '/');
}

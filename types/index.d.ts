/**
 * Public types of `faultline`. faultline ships TypeScript sources run by tsx; these declarations keep a
 * user's `tsc` from type-checking faultline's internals with the user's settings.
 * Kept equal to generator/index.ts by test/e2e/api-types.ts (checked by `npm run typecheck`).
 */
export { defineConfig, loadConfig, ConfigError, type FaultlineConfig, type RuleSetting } from './config.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable SCREAMING_SNAKE code, e.g. NO_ERROR_BODY. */
  code: string;
  severity: Severity;
  /** JSON pointer into the (bundled) document, e.g. `#/paths/~1user~1/post`. */
  pointer: string;
  /** File the pointer lives in, relative to the working folder when possible. */
  file: string;
  /** 1-based line, 0 when unknown. */
  line: number;
  /** 1-based column, when known exactly (syntax errors). */
  column?: number;
  /** A few lines of the source around the problem, with a caret (syntax errors). */
  frame?: string;
  message: string;
  /** What to change in the spec to make the diagnostic go away. */
  fix?: string;
}

export interface GenerateOptions {
  input: string;
  output: string;
  cwd?: string;
  /** Generate the @hey-api/openapi-ts client (default true). */
  client?: boolean;
  /** Folder external $refs may reach (default: the spec's folder). */
  refRoot?: string;
  /** Compare with the files on disk instead of writing (--check). */
  check?: boolean;
  /** false: render only, touch nothing. */
  write?: boolean;
  /** With check: answer from the manifest's hashes when the inputs are unchanged (default true). */
  fastCheck?: boolean;
  serviceErrorSchema?: string;
  /** ES module or CommonJS output; default from the package.json nearest the output folder. */
  moduleFormat?: 'esm' | 'cjs';
  /** 'express' (default) or 'fastify': which framework the generated service runs on. */
  target?: 'express' | 'fastify';
}

export interface ModuleFormatChoice {
  format: 'esm' | 'cjs';
  packageJson?: string;
  reason: string;
}

export interface WriteReport {
  written: string[];
  unchanged: number;
  removed: string[];
  created: string[];
  /** handlers/*.ts whose operation is no longer in the spec: kept, reported. */
  orphans: string[];
  /** Files in generated/ faultline did not write (no manifest lists them): kept, reported. */
  foreign: string[];
  /** Stale files faultline wrote but someone edited since: kept, reported. */
  edited: string[];
}

export interface CheckReport {
  missing: string[];
  stale: string[];
  /** Files the last run wrote that this one would not: a run removes them, except those in `edited`. */
  extra: string[];
  /** Files in generated/ faultline did not write: a run keeps them, so they are no drift. */
  foreign?: string[];
  /** The part of `extra` a run keeps: written by the last run, edited since. */
  edited?: string[];
}

/** Packages the generated code imports that the package.json nearest the output folder does not list. */
export interface UnlistedDependencies {
  packageJson: string;
  missing: string[];
}

export interface GenerateResult {
  /** Every rendered file, keyed by its path relative to the output folder. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  /** basePath: where the service answers (the spec's first server path), when not the root. */
  stats: { operations: number; errorResponses: number; basePath?: string };
  written?: WriteReport & { tsconfigNeeds?: string[]; unlistedDependencies?: UnlistedDependencies };
  /** The module format of the output and why it was chosen. */
  moduleFormat?: ModuleFormatChoice;
  check?: CheckReport;
  /** Spec files read (for --watch). */
  inputs: string[];
}

/** Loads, bundles and checks the spec, renders the service, and writes it unless `write: false` or `check`. Never prints. */
export declare function generate(options: GenerateOptions): Promise<GenerateResult>;

export interface LoadOptions {
  cwd?: string;
  /** Folder that external `$ref`s may reach; default: the root spec's own folder. */
  refRoot?: string;
}

export interface LoadedSpec {
  /** The bundled document (only local refs). Undefined when loading failed before bundling. */
  document: Record<string, unknown> | undefined;
  /** 3.0 or 3.1 */
  version: '3.0' | '3.1' | undefined;
  diagnostics: Diagnostic[];
  /** Every file read, root first. */
  files: string[];
  /** file and line of a pointer into the bundled document */
  locate(pointer: string): { file: string; line: number };
}

/** Reads a spec and every file it references; never throws for a bad spec (see `diagnostics`). */
export declare function loadSpec(specPath: string, options?: LoadOptions): LoadedSpec;

/** `error <file>:<line> <pointer>: <message> (fix: ...)`, as the CLI prints it. */
export declare function formatDiagnostic(d: Diagnostic): string;
export declare function hasErrors(diagnostics: readonly Diagnostic[]): boolean;

export interface ScaffoldOptions {
  /** Folder of the new project; created when missing. */
  dir: string;
  /** The spec to start from; it is copied, with every file it references, under spec/. */
  spec: string;
  cwd?: string;
  /** Write into a non-empty folder (existing files are still kept as they are). */
  force?: boolean;
  /** package.json name (default: from the folder name). */
  name?: string;
  /** npm spec of the faultline devDependency (default: where this faultline came from). */
  faultline?: string;
  /** Generate the typed client (default true). */
  client?: boolean;
}

export interface ScaffoldResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Why nothing was written although the spec is fine. */
  refused?: string;
  /** Absolute project folder. */
  root: string;
  /** Files created, relative to root (generated/ counted in `generated`). */
  created: string[];
  /** Files that already existed and were left alone. */
  kept: string[];
  generated: number;
  /** The root spec inside the project, e.g. spec/things.yaml. */
  specPath?: string;
  stats?: { operations: number; errorResponses: number; basePath?: string };
  /** The faultline devDependency written to package.json and where it points. */
  faultlineDependency?: { kind: 'registry' | 'tarball' | 'folder' | 'git' | 'unknown' | 'given'; spec: string; note: string };
}

/** What `faultline new` does, as data: creates a standalone service project from a spec. */
export declare function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult>;

/** The installed faultline version. */
export declare const version: string;

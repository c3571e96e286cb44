/**
 * The programmatic API: generate({ input, output }) -> { files, diagnostics }. Pure with respect to the
 * console; it writes to disk only when `write` is not false and there are no errors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { loadCheckedSpec } from './load/structure.js';
import { buildModel } from './model/operations.js';
import { buildErrorRecipes } from './model/recipe/responses.js';
import { recipeDiagnostics } from './model/recipe/diagnostics.js';
import { normalizeForTools } from './load/normalize.js';
import { emitService } from './emit/index.js';
import { startClientWorker, type ClientWorker } from './emit/client.js';
import { checkOutput, writeOutput, type CheckReport, type WriteReport } from './write.js';
import { MANIFEST, inputHash, renderManifest, upToDate } from './manifest.js';
import { moduleFormatFor, type ModuleFormat, type ModuleFormatChoice } from './module-format.js';
import { tsconfigNeeds } from './tsconfig-needs.js';
import { unlistedDependencies, type UnlistedDependencies } from './runtime-dependencies.js';

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
  moduleFormat?: ModuleFormat;
  /** 'express' (default) or 'fastify': which framework the generated service runs on. */
  target?: 'express' | 'fastify';
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

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  // hey-api's modules load in a worker while this thread reads the spec
  const clientWorker = options.client !== false ? startClientWorker() : undefined;
  try {
    return await run(options, cwd, clientWorker);
  } finally {
    clientWorker?.stop();
  }
}

async function run(options: GenerateOptions, cwd: string, clientWorker: ClientWorker | undefined): Promise<GenerateResult> {
  const loaded = await loadCheckedSpec(options.input, { cwd, refRoot: options.refRoot });
  const result: GenerateResult = {
    files: new Map(),
    diagnostics: [...loaded.diagnostics],
    stats: { operations: 0, errorResponses: 0 },
    inputs: loaded.files,
  };
  if (!loaded.document || hasErrors(result.diagnostics)) return result;
  const locate = (p: Omit<Diagnostic, 'file' | 'line'>): Diagnostic => ({ ...p, ...loaded.locate(p.pointer) });
  const { model, problems } = buildModel(loaded.document);
  result.diagnostics.push(...problems.map(locate));
  // Error bodies come from the author's document (examples kept), exactly as lint sees them.
  const errorRecipes = buildErrorRecipes(loaded.document, model.operations);
  result.diagnostics.push(...recipeDiagnostics(errorRecipes).map(locate));
  const normalized = normalizeForTools(loaded.document, loaded.version ?? '3.0');
  result.diagnostics.push(...normalized.notes.map(locate));
  result.stats = {
    operations: model.operations.length,
    errorResponses: model.operations.reduce((n, op) => n + op.responses.filter((r) => r.isError).length, 0),
    ...(model.basePath ? { basePath: model.basePath } : {}),
  };
  if (hasErrors(result.diagnostics)) return result;
  const out = resolve(cwd, options.output);
  result.moduleFormat = moduleFormatFor(out, options.moduleFormat);
  const emitOptions = {
    client: options.client !== false,
    serviceErrorSchema: options.serviceErrorSchema,
    servers: loaded.document.servers,
    moduleFormat: result.moduleFormat.format,
    ...(options.target && options.target !== 'express' ? { target: options.target } : {}),
  };
  // The author's document: the tools' copy is derived from it, and recipes read its examples.
  const input = inputHash(loaded.document, emitOptions);
  if (options.check && options.fastCheck !== false && !hasErrors(result.diagnostics) && upToDate(out, input)) {
    result.check = { missing: [], stale: [], extra: [] };
    return result;
  }
  const emitted = await emitService(model, normalized.document, { ...emitOptions, clientWorker, errorRecipes });
  result.diagnostics.push(...emitted.problems.map(locate));
  if (hasErrors(result.diagnostics)) return result;
  emitted.generated.set(MANIFEST, renderManifest(input, emitted.generated));
  for (const [rel, text] of emitted.generated) result.files.set(`generated/${rel}`, text);
  for (const [rel, text] of emitted.userFiles) result.files.set(rel, text);
  const plan = { generated: emitted.generated, userFiles: emitted.userFiles };
  if (options.check) result.check = checkOutput(out, plan);
  else if (options.write !== false) {
    result.written = writeOutput(out, plan);
    // tsconfig.json is the user's once it exists: say what it lacks instead of changing it
    const tsconfig = resolve(out, 'tsconfig.json');
    const ours = emitted.userFiles.get('tsconfig.json');
    if (!result.written.created.includes('tsconfig.json') && !sameText(tsconfig, ours))
      result.written.tsconfigNeeds = tsconfigNeeds(tsconfig, result.moduleFormat.format);
    // packages the generated code imports that the project's package.json leaves to chance
    const unlisted = unlistedDependencies(result.files, out);
    if (unlisted) result.written.unlistedDependencies = unlisted;
  }
  return result;
}

/** True when the file holds exactly this text (the tsconfig.json faultline would create needs no check). */
function sameText(path: string, text: string | undefined): boolean {
  try {
    return text !== undefined && readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
}

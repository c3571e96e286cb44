/**
 * scaffold: spec -> a standalone service project (`faultline new`). Everything is worked out before
 * anything is written: the spec is loaded and the service rendered in memory, so a spec with errors
 * leaves no folder behind. Existing files are never overwritten, with or without `force`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { generate } from '../generate.js';
import { writeOutput } from '../write.js';
import { planSpecFiles } from './spec-files.js';
import { projectFiles } from './files.js';
import { packageNameFrom } from './package-json.js';
import { writeNewFiles } from './write-new.js';
import { faultlineSource, type SourceKind } from './faultline-source.js';
import { PACKAGE_JSON, PACKAGE_ROOT } from '../paths.js';

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
  /** npm spec of the faultline devDependency (default: where this faultline came from, see faultline-source.ts). */
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
  /** The faultline devDependency written to package.json and where it points (see faultline-source.ts). */
  faultlineDependency?: { kind: SourceKind | 'given'; spec: string; note: string };
}

/** Entries that do not make a folder "non-empty". */
const IGNORABLE = new Set(['.git', '.DS_Store', 'Thumbs.db']);

export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.dir);
  const result: ScaffoldResult = { ok: false, diagnostics: [], root, created: [], kept: [], generated: 0 };
  const refusal = checkTarget(root, options.force === true);
  if (refusal) return { ...result, refused: refusal };

  // the package.json written below says "type": "module"; one kept by --force decides for itself
  const moduleFormat = existsSync(join(root, 'package.json')) ? undefined : 'esm';
  const rendered = await generate({ input: options.spec, output: root, cwd, client: options.client, write: false, moduleFormat });
  result.diagnostics = rendered.diagnostics;
  if (hasErrors(rendered.diagnostics)) return result;
  const layout = planSpecFiles(rendered.inputs);
  const title = specTitle(rendered.files.get('generated/openapi.json'));
  const name = options.name ?? packageNameFrom(basename(root));

  const generated = new Map<string, string>();
  const userFiles = new Map<string, string>();
  for (const [rel, text] of rendered.files) {
    if (rel.startsWith('generated/')) generated.set(rel.slice('generated/'.length), text);
    else userFiles.set(rel, text);
  }
  // The project's own files go first, so its tsconfig.json wins over the one generate would create.
  const source = options.faultline
    ? { kind: 'given' as const, spec: options.faultline, note: `faultline dependency given: ${options.faultline}` }
    : faultlineSource(PACKAGE_ROOT, PACKAGE_JSON.version);
  const own = projectFiles({ name, title, layout, faultline: source.spec, client: options.client });
  const written = writeNewFiles(root, [...own, ...layout.copies.map((c) => ({ path: c.to, from: c.from }))]);
  const report = writeOutput(root, { generated, userFiles });
  const keptUser = [...userFiles.keys()].filter((rel) => !report.created.includes(rel) && !written.created.includes(rel));
  return {
    ...result,
    ok: true,
    created: [...written.created, ...report.created].sort(),
    kept: [...new Set([...written.kept, ...keptUser])].sort(),
    generated: generated.size,
    specPath: layout.root,
    stats: rendered.stats,
    faultlineDependency: source,
  };
}

function checkTarget(root: string, force: boolean): string | undefined {
  if (!existsSync(root)) return undefined;
  if (!statSync(root).isDirectory()) return `${root} exists and is not a folder`;
  const entries = readdirSync(root).filter((e) => !IGNORABLE.has(e));
  if (entries.length && !force) {
    return (
      `${root} is not empty (${entries.length} entr${entries.length > 1 ? 'ies' : 'y'}); ` +
      'pick an empty folder, or pass --force to add the missing files and keep every existing one'
    );
  }
  return undefined;
}

function specTitle(openapiJson: string | undefined): string {
  try {
    const title = (JSON.parse(openapiJson ?? '{}') as { info?: { title?: unknown } }).info?.title;
    return typeof title === 'string' && title.trim() ? title : 'Service';
  } catch {
    return 'Service';
  }
}

/**
 * Puts rendered files on disk, or compares them with what is there (--check). Everything is rendered
 * in memory first; changed files are written into a temporary folder inside --out and renamed into
 * place, so a failed run never leaves a half-written file. generated/ is owned by faultline (stale
 * files removed); user files are created only when missing and never modified.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, rmdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface OutputPlan {
  generated: Map<string, string>;
  userFiles: Map<string, string>;
}

export interface WriteReport {
  written: string[];
  unchanged: number;
  removed: string[];
  created: string[];
  /** handlers/*.ts whose operation is no longer in the spec: kept, reported. */
  orphans: string[];
}

export interface CheckReport {
  missing: string[];
  stale: string[];
  extra: string[];
}

export function checkOutput(outDir: string, plan: OutputPlan): CheckReport {
  const genDir = join(outDir, 'generated');
  const onDisk = new Set(listFiles(genDir).map((f) => toPosix(relative(genDir, f))));
  const report: CheckReport = { missing: [], stale: [], extra: [] };
  for (const [rel, content] of plan.generated) {
    if (!onDisk.has(rel)) report.missing.push(`generated/${rel}`);
    else if (readFileSync(join(genDir, rel), 'utf8') !== content) report.stale.push(`generated/${rel}`);
    onDisk.delete(rel);
  }
  report.extra = [...onDisk].sort().map((rel) => `generated/${rel}`);
  return report;
}

export function writeOutput(outDir: string, plan: OutputPlan): WriteReport {
  const root = resolve(outDir);
  mkdirSync(root, { recursive: true });
  const report: WriteReport = { written: [], unchanged: 0, removed: [], created: [], orphans: [] };
  const pending: [string, string][] = [];
  for (const [rel, content] of plan.generated) {
    const target = inside(root, `generated/${rel}`);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) report.unchanged++;
    else pending.push([target, content]);
  }
  for (const [rel, content] of plan.userFiles) {
    const target = inside(root, rel);
    if (!existsSync(target)) {
      pending.push([target, content]);
      report.created.push(rel);
    }
  }
  const tmp = mkdtempSync(join(root, '.faultline-tmp-'));
  try {
    pending.forEach(([, content], i) => writeFileSync(join(tmp, String(i)), content));
    pending.forEach(([target], i) => {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(tmp, String(i)), target);
      const rel = toPosix(relative(root, target));
      if (rel.startsWith('generated/')) report.written.push(rel);
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  report.removed = removeStale(root, plan);
  report.orphans = findOrphans(root, plan);
  return report;
}

function removeStale(root: string, plan: OutputPlan): string[] {
  const genDir = join(root, 'generated');
  const removed: string[] = [];
  for (const file of listFiles(genDir)) {
    const rel = toPosix(relative(genDir, file));
    if (!plan.generated.has(rel)) {
      rmSync(file);
      removed.push(`generated/${rel}`);
    }
  }
  pruneEmptyDirs(genDir);
  return removed;
}

function findOrphans(root: string, plan: OutputPlan): string[] {
  const dir = join(root, 'handlers');
  return listFiles(dir)
    .map((f) => toPosix(relative(root, f)))
    .filter((rel) => rel.endsWith('.ts') && !plan.userFiles.has(rel))
    .sort();
}

/** Refuses any path that would land outside --out. */
function inside(root: string, rel: string): string {
  const target = resolve(root, rel);
  if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside the output folder: ${rel}`);
  return target;
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

function pruneEmptyDirs(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      pruneEmptyDirs(path);
      if (readdirSync(path).length === 0) rmdirSync(path);
    }
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

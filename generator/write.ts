/**
 * Puts rendered files on disk, or compares them with what is there (--check). Everything is rendered
 * in memory first; changed files are written into a temporary folder inside --out and renamed into
 * place, so a failed run never leaves a half-written file. generated/ is owned by faultline: stale
 * files the previous run wrote are removed, anything else there is kept and reported (see prune.ts);
 * user files are created only when missing and never modified.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  rmdirSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { planPrune, previousFiles } from './prune.js';

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
  /** The part of `extra` a run keeps: written by the last run, edited since (see prune.ts). */
  edited?: string[];
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
  const prune = planPrune(genDir, [...onDisk].sort(), new Set(plan.generated.keys()), previousFiles(genDir));
  report.extra = [...prune.remove, ...prune.edited].map((rel) => `generated/${rel}`);
  if (prune.foreign.length) report.foreign = prune.foreign.map((rel) => `generated/${rel}`);
  if (prune.edited.length) report.edited = prune.edited.map((rel) => `generated/${rel}`);
  return report;
}

export function writeOutput(outDir: string, plan: OutputPlan): WriteReport {
  const root = resolve(outDir);
  mkdirSync(root, { recursive: true });
  const report: WriteReport = { written: [], unchanged: 0, removed: [], created: [], orphans: [], foreign: [], edited: [] };
  // read before this run's manifest replaces it: only what the last run wrote may be pruned
  const previous = previousFiles(join(root, 'generated'));
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
  Object.assign(report, removeStale(root, plan, previous));
  report.orphans = findOrphans(root, plan);
  return report;
}

function removeStale(root: string, plan: OutputPlan, previous: Map<string, string>): Pick<WriteReport, 'removed' | 'foreign' | 'edited'> {
  const genDir = join(root, 'generated');
  const onDisk = listFiles(genDir).map((file) => toPosix(relative(genDir, file)));
  const prune = planPrune(genDir, onDisk, new Set(plan.generated.keys()), previous);
  for (const rel of prune.remove) rmSync(join(genDir, rel));
  pruneEmptyDirs(genDir);
  const named = (list: string[]) => list.map((rel) => `generated/${rel}`);
  return { removed: named(prune.remove), foreign: named(prune.foreign), edited: named(prune.edited) };
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

/**
 * What a run may remove from generated/: only files the previous run's manifest lists (faultline wrote
 * them) that this run no longer produces, and only when they still hold what faultline wrote. A file
 * the manifest does not list (a user's `generated/custom.ts`, a `NOTES.md`, the output of an older
 * faultline without a manifest) is never deleted: it is kept and reported by name, and so is a listed
 * file someone edited since.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = '.faultline-manifest.json';

/** Relative path -> sha256 of every file the last run wrote into generated/; empty without a manifest. */
export function previousFiles(genDir: string): Map<string, string> {
  const path = join(genDir, MANIFEST_FILE);
  if (!existsSync(path)) return new Map();
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { files?: Record<string, unknown> };
    const files = new Map<string, string>();
    for (const [rel, hash] of Object.entries(manifest.files ?? {})) if (typeof hash === 'string') files.set(rel, hash);
    return files;
  } catch {
    return new Map();
  }
}

export interface PrunePlan {
  /** Listed by the previous manifest, unchanged since, not produced any more: removed. */
  remove: string[];
  /** Not listed by the previous manifest: faultline did not write them. Kept. */
  foreign: string[];
  /** Listed, not produced any more, but edited since faultline wrote them. Kept. */
  edited: string[];
}

/**
 * Sorts the files found in generated/ (paths relative to it) that this run does not produce.
 * The manifest itself is always faultline's.
 */
export function planPrune(genDir: string, onDisk: string[], produced: ReadonlySet<string>, previous: Map<string, string>): PrunePlan {
  const plan: PrunePlan = { remove: [], foreign: [], edited: [] };
  for (const rel of onDisk) {
    if (produced.has(rel) || rel === MANIFEST_FILE) continue;
    const hash = previous.get(rel);
    if (hash === undefined) plan.foreign.push(rel);
    else if (hash === sha256(readFileSync(join(genDir, rel)))) plan.remove.push(rel);
    else plan.edited.push(rel);
  }
  return plan;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

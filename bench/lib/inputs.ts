/**
 * Which specs the generation bench runs on, and how a spec faultline refuses is made usable.
 *
 * faultline stops on an error schema whose `oneOf` branches it cannot prove exclusive
 * (NO_ERROR_BODY); GitHub's spec has two such 422s. The diagnostic names the fix ("or use anyOf"),
 * so the bench applies exactly that fix to a copy in the system temp folder (never in the repo)
 * and runs every tool, peers included, on that copy so all of them read the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, dump } from 'js-yaml';

/** The shared corpus beside this repository (../shared/corpus), unless FAULTLINE_CORPUS names another. */
export const CORPUS = process.env.FAULTLINE_CORPUS ?? resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/corpus');

/** The three largest specs of the corpus that exist on disk (checked in bench/generate.ts). */
export const DEFAULT_SPECS = [
  'openapi-typescript/github-api-2022-10.yaml',
  'openapi-typescript/octokit-ghes-3.6-diff-to-api.json',
  'spotify/fixed-spotify-open-api.yml',
];

const ONE_OF_ERROR = /^error \S+:\d+ (#\S*): .*only one oneOf branch/;

/** Pointers of the `oneOf` error schemas a faultline run refused, from its stderr. */
export function refusedOneOfs(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => ONE_OF_ERROR.exec(line)?.[1])
    .filter((p): p is string => Boolean(p));
}

export function parseSpec(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return (file.endsWith('.json') ? JSON.parse(text) : load(text)) as Record<string, unknown>;
}

export function countOperations(doc: Record<string, unknown>): number {
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  let n = 0;
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const key of Object.keys(item ?? {})) if (methods.has(key)) n++;
  }
  return n;
}

/** Writes a copy of `file` with `oneOf` renamed to `anyOf` at each pointer; returns its path. */
export function patchOneOfs(file: string, pointers: readonly string[], dir: string, previous?: string): string {
  const doc = parseSpec(previous ?? file);
  for (const pointer of pointers) {
    const node = resolvePointer(doc, pointer) as Record<string, unknown> | undefined;
    if (!node || !Array.isArray(node.oneOf)) throw new Error(`cannot patch ${pointer}: no oneOf there`);
    const rebuilt = Object.fromEntries(Object.entries(node).map(([k, v]) => [k === 'oneOf' ? 'anyOf' : k, v]));
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, rebuilt);
  }
  mkdirSync(dir, { recursive: true });
  const out = join(dir, basename(file));
  writeFileSync(out, file.endsWith('.json') ? JSON.stringify(doc, null, 2) : dump(doc, { lineWidth: -1, noRefs: true }));
  return out;
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  const parts = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const part of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

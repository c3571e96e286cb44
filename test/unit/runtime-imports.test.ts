/**
 * The runtime (templates/runtime/, copied into every service) has no import circle, type-only imports
 * included: each file can be read, tested and moved knowing only what it imports. A cycle shows as the
 * files on it, in order.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO } from '../support/tmp.js';

const RUNTIME = join(REPO, 'templates/runtime');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/g;

function runtimeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? runtimeFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of runtimeFiles(RUNTIME)) {
    const source = readFileSync(file, 'utf8');
    graph.set(
      file,
      [...source.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1].replace(/\.js$/, '.ts'))),
    );
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path of files that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(RUNTIME, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('runtime imports', () => {
  it('reads the imports of the runtime files', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(20);
    expect(graph.get(join(RUNTIME, 'router.ts'))).toContain(join(RUNTIME, 'request-state.ts'));
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph).length).toBe(1);
  });

  it('has no import circle', () => {
    expect(cycles(importGraph())).toEqual([]);
  });
});

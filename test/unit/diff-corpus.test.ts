/** diff never throws on a real spec and finds no changes between a spec and itself. */
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { diffSpecs } from '../../generator/diff/index.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const specs = existsSync(join(CORPUS, 'MANIFEST.tsv'))
  ? readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split('\t')[0])
  : [];

describe.skipIf(specs.length === 0)('diff over the corpus', () => {
  it.each(specs.filter((s) => existsSync(join(CORPUS, s))).map((s) => [s]))('%s against itself', (spec) => {
    const loaded = loadSpec(join(CORPUS, spec), { refRoot: spec.startsWith('spacetraders/') ? join(CORPUS, 'spacetraders') : undefined });
    expect(diffSpecs(loaded, loaded).changes).toEqual([]);
  });
});

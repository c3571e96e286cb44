import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_BANNER, runtimeFiles } from '../../generator/emit/runtime-files.js';

const SOURCE = join(import.meta.dirname, '../../templates/runtime');

describe('copied runtime', () => {
  const files = runtimeFiles();
  const sources = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));

  it('copies every runtime source, each with the do-not-edit banner over the unchanged source', () => {
    expect([...files.keys()].sort()).toEqual(sources.map((n) => n.split('\\').join('/')).sort());
    for (const [name, text] of files) {
      expect(text.startsWith(RUNTIME_BANNER), name).toBe(true);
      expect(text.slice(RUNTIME_BANNER.length)).toBe(readFileSync(join(SOURCE, name), 'utf8'));
    }
  });

  it('keeps the banner out of the sources, where it would be false', () => {
    for (const name of sources) expect(readFileSync(join(SOURCE, name), 'utf8')).not.toContain('Do not edit');
  });
});

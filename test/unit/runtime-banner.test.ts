import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_BANNER, runtimeFiles } from '../../generator/emit/runtime-files.js';

const SOURCE = join(import.meta.dirname, '../../templates/runtime');

describe('copied runtime', () => {
  const files = runtimeFiles();
  const sources = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));

  const names = sources.map((n) => n.split('\\').join('/')).sort();

  it('copies every runtime source of the Express target (fastify/ left out), each with the banner over the unchanged source', () => {
    expect([...files.keys()].sort()).toEqual(names.filter((n) => !n.startsWith('fastify/')));
    for (const [name, text] of files) {
      expect(text.startsWith(RUNTIME_BANNER), name).toBe(true);
      expect(text.slice(RUNTIME_BANNER.length)).toBe(readFileSync(join(SOURCE, name), 'utf8'));
    }
  });

  it('copies fastify/ for the Fastify target, whose index.ts and native.ts re-export it; every file has the banner', () => {
    const fastify = runtimeFiles('fastify');
    expect([...fastify.keys()].sort()).toEqual(names);
    for (const [name, text] of fastify) expect(text.startsWith(RUNTIME_BANNER), name).toBe(true);
    expect(fastify.get('index.ts')).toContain("export * from './fastify/index.js';");
    expect(fastify.get('native.ts')).toContain("from './fastify/native.js'");
    expect(fastify.get('router.ts')!.slice(RUNTIME_BANNER.length)).toBe(readFileSync(join(SOURCE, 'router.ts'), 'utf8'));
  });

  it('keeps the banner out of the sources, where it would be false', () => {
    for (const name of sources) expect(readFileSync(join(SOURCE, name), 'utf8')).not.toContain('Do not edit');
  });
});

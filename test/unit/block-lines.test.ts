/**
 * The fast block-YAML line finder must agree with the `yaml` package's syntax tree on real specs:
 * every pointer it answers for gets the same line as the full parse.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { blockYamlLine } from '../../generator/load/block-lines.js';
import { REPO } from '../support/tmp.js';

function treeLine(text: string): (tokens: string[]) => number {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  return (tokens) => {
    let node: unknown = doc.contents;
    let line = 1;
    for (const token of tokens) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === token)!;
        line = lc.linePos((pair.key as Node).range![0]).line;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(token)];
        line = lc.linePos((node as Node).range![0]).line;
      }
    }
    return line;
  };
}

/** Every pointer to every node, depth-first, capped. */
function pointers(data: unknown, limit: number): string[][] {
  const out: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (out.length >= limit || node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      out.push([...path, key]);
      walk(value, [...path, key]);
    }
  };
  walk(data, []);
  return out;
}

describe('blockYamlLine', () => {
  it.each([
    'specs/users.yaml',
    'specs/things.yaml',
    '../shared/corpus/redocly-museum/openapi.yaml',
    '../shared/corpus/swagger-petstore/v3.0/openapi.yaml',
    '../shared/corpus/openapi-typescript/simple-example.yaml',
    '../shared/corpus/realworld/openapi.yml',
    '../shared/corpus/openapi-typescript/github-api-2022-10.yaml',
  ])('agrees with the full syntax tree on %s', (file) => {
    const text = readFileSync(join(REPO, file), 'utf8');
    const expected = treeLine(text);
    const owner = {};
    let answered = 0;
    for (const tokens of pointers(jsYaml.load(text), 5000)) {
      const fast = blockYamlLine(owner, text, tokens);
      if (fast === undefined) continue;
      answered++;
      expect(fast, tokens.join('/')).toBe(expected(tokens));
    }
    expect(answered).toBeGreaterThan(50);
  });

  it('gives up on flow style and JSON instead of guessing', () => {
    expect(blockYamlLine({}, '{"openapi": "3.1.0"}', ['openapi'])).toBeUndefined();
    expect(blockYamlLine({}, 'paths: {"/a": {}}\n', ['paths', '/a'])).toBeUndefined();
  });
});

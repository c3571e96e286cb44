/**
 * Reads one spec file (YAML or JSON) into plain data. Parsing uses js-yaml for speed; line numbers are
 * computed lazily by `lineOf` with the `yaml` package's CST, only when a diagnostic needs one.
 */
import { readFileSync, statSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { parsePointer, type Diagnostic } from '../diagnostics.js';
import { blockYamlLine } from './block-lines.js';
import { locateYamlError, parseJson, type SyntaxProblem } from './syntax-error.js';

/**
 * 32 MB: large enough for every public spec we know (Stripe's is ~7 MB, GitHub's ~11 MB), small enough
 * that parsing and generating stay within a 512 MB heap (a 50 MB spec of paths exhausted it).
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface SourceFile {
  path: string;
  text: string;
  data: unknown;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; diagnostic: Diagnostic };

export function readSpecFile(path: string, displayPath: string): ReadResult {
  const fail = (code: string, message: string, line = 0, fix?: string): ReadResult => ({
    ok: false,
    diagnostic: { code, severity: 'error', pointer: '#', file: displayPath, line, message, fix },
  });
  const syntaxError = (p: SyntaxProblem, fix: string): ReadResult => ({
    ok: false,
    diagnostic: {
      code: 'SYNTAX_ERROR',
      severity: 'error',
      pointer: '#',
      file: displayPath,
      line: p.line,
      column: p.column,
      frame: p.frame,
      message: `YAML/JSON syntax error: ${p.message}`,
      fix,
    },
  });
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return fail('TOO_LARGE', `the file is ${size} bytes; the limit is ${MAX_FILE_BYTES}`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    return fail('FILE_UNREADABLE', `cannot read the file (${reason})`, 0, 'check the path and permissions');
  }
  if (path.endsWith('.json')) {
    const parsed = parseJson(text);
    if (parsed.ok) return { ok: true, file: { path, text, data: parsed.data } };
    return syntaxError(parsed.problem, 'fix the JSON at that line and column');
  }
  try {
    const data = jsYaml.load(text, { filename: displayPath });
    return { ok: true, file: { path, text, data } };
  } catch (err) {
    const e = err as { reason?: string; mark?: { line: number } };
    // js-yaml's depth guard: a hostile or generated file, not a typo to point at
    if (e.reason && /maxDepth/.test(e.reason))
      return fail('TOO_LARGE', `the spec is nested too deeply: ${e.reason}`, e.mark ? e.mark.line + 1 : 0, 'flatten the structure');
    const problem = locateYamlError(text, err as Parameters<typeof locateYamlError>[1]);
    return syntaxError(problem, 'fix the syntax at that line and column');
  }
}

const lineIndexes = new WeakMap<SourceFile, { doc: ReturnType<typeof parseDocument>; lc: LineCounter }>();

/** 1-based line of the node at `pointer` inside the file, or of its nearest existing ancestor. */
export function lineOf(file: SourceFile, pointer: string): number {
  const tokens = parsePointer(pointer);
  if (!tokens.length) return 1;
  const fast = blockYamlLine(file, file.text, tokens);
  if (fast !== undefined) return fast;
  let index = lineIndexes.get(file);
  if (!index) {
    const lc = new LineCounter();
    const doc = parseDocument(file.text, { lineCounter: lc, uniqueKeys: false });
    index = { doc, lc };
    lineIndexes.set(file, index);
  }
  let node: unknown = index.doc.contents;
  let line = 1;
  const at = (n: unknown): void => {
    const range = (n as Node | undefined)?.range;
    if (range) line = index!.lc.linePos(range[0]).line;
  };
  at(node);
  for (const token of tokens) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === token);
      if (!pair) break;
      at(pair.key);
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(token)];
      if (node === undefined) break;
      at(node);
    } else break;
  }
  return line;
}

/**
 * Where a YAML or JSON syntax error really is. js-yaml (the fast parser) often notices a problem a line
 * after it (an unclosed quote, a key without a colon), so on failure only, the text is parsed again:
 * JSON with JSON.parse, whose position is exact, and YAML with the `yaml` package, whose errors point at
 * the offending token. The result carries a 1-based line and column and a short code frame.
 */
import { LineCounter, parseDocument } from 'yaml';

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
  frame: string;
}

/** JSON for a `.json` file: strict, so a trailing comma or a comment is an error with its exact place. */
export function parseJson(text: string): { ok: true; data: unknown } | { ok: false; problem: SyntaxProblem } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (err) {
    const message = String((err as Error).message);
    const offset = jsonErrorOffset(message, text);
    const { line, column } = lineColumn(text, offset);
    return {
      ok: false,
      problem: {
        message: message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, ''),
        line,
        column,
        frame: codeFrame(text, line, column),
      },
    };
  }
}

/** Node 20 says "at position N"; Node 22 adds "(line L column C)"; the end of the text otherwise. */
function jsonErrorOffset(message: string, text: string): number {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) return offsetOf(text, Number(lc[1]), Number(lc[2]));
  const pos = /at position (\d+)/.exec(message);
  return pos ? Number(pos[1]) : text.trimEnd().length;
}

/** Locates a YAML error js-yaml threw, preferring the `yaml` package's position; js-yaml's mark otherwise. */
export function locateYamlError(
  text: string,
  jsYamlError: { reason?: string; message?: string; mark?: { line: number; column: number } },
): SyntaxProblem {
  const reason = jsYamlError.reason ?? String(jsYamlError.message ?? jsYamlError).split('\n')[0];
  let line = jsYamlError.mark ? jsYamlError.mark.line + 1 : 1;
  let column = jsYamlError.mark ? jsYamlError.mark.column + 1 : 1;
  let message = reason;
  try {
    const lc = new LineCounter();
    const first = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true }).errors[0];
    if (first) {
      ({ line, col: column } = lc.linePos(Math.min(first.pos[0], endOfContent(text))));
      message = first.message.split('\n')[0];
    }
  } catch {
    // keep js-yaml's position
  }
  return { message, line, column, frame: codeFrame(text, line, column) };
}

/** An error at the very end of the file (an unclosed bracket) is shown after the last character written. */
function endOfContent(text: string): number {
  return Math.max(0, text.trimEnd().length);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, endOfContent(text)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** The line before, the line itself and a caret; long (minified) lines are cut to a window around the column. */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = text.split('\n');
  const width = String(line).length;
  const show = (n: number) => {
    let content = (lines[n - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
    let caretAt = column;
    if (n === line && content.length > 100) {
      const start = Math.max(0, column - 60);
      content = (start > 0 ? '…' : '') + content.slice(start, start + 100) + (start + 100 < content.length ? '…' : '');
      caretAt = column - start + (start > 0 ? 1 : 0);
    } else if (content.length > 100) content = content.slice(0, 100) + '…';
    return { content, caretAt };
  };
  const out: string[] = [];
  if (line > 1) out.push(`  ${String(line - 1).padStart(width)} | ${show(line - 1).content}`);
  const here = show(line);
  out.push(`> ${String(line).padStart(width)} | ${here.content}`, `  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, here.caretAt - 1))}^`);
  return out.join('\n');
}

/**
 * A fast line finder for block-style YAML, the way nearly every OpenAPI file is written. Walking the
 * text by indentation costs microseconds; building the `yaml` package's full syntax tree costs about a
 * second on GitHub's 3 MB spec. Anything this does not understand (flow collections, anchors, multi-line
 * keys, JSON) returns undefined and the caller falls back to the syntax tree.
 */
interface Line {
  /** Column of the key (after any `- ` sequence markers). */
  indent: number;
  key?: string;
  /** Column of a `- ` item marker on this line, or -1. */
  item: number;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s"'#{}[\],&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]|$)/;

const cache = new WeakMap<object, Line[]>();

function scan(text: string): Line[] {
  return text.split('\n').map((raw) => {
    let indent = raw.length - raw.trimStart().length;
    let rest = raw.slice(indent);
    let item = -1;
    if (rest === '' || rest.startsWith('#')) return { indent: -1, item: -1 };
    while (rest.startsWith('- ') || rest === '-') {
      item = indent;
      const after = rest.slice(1);
      const pad = after.length - after.trimStart().length;
      indent += 1 + pad;
      rest = after.trimStart();
    }
    const m = KEY.exec(rest);
    const key = m
      ? m[1] !== undefined
        ? JSON.parse(`"${m[1]}"`)
        : m[2] !== undefined
          ? m[2].replace(/''/g, "'")
          : m[3].trim()
      : undefined;
    return { indent, key, item };
  });
}

/** 1-based line of the node at `tokens`, or undefined when the text is not plain block YAML. */
export function blockYamlLine(owner: object, text: string, tokens: readonly string[]): number | undefined {
  if (/^\s*[[{]/.test(text)) return undefined;
  let lines = cache.get(owner);
  if (!lines) {
    lines = scan(text);
    cache.set(owner, lines);
  }
  let from = 0;
  let parentIndent = -1;
  /** The line of a found sequence item: its own first key counts as a child, its marker does not. */
  let itemLine = -1;
  let found = -1;
  for (const token of tokens) {
    const index = /^\d+$/.test(token) ? Number(token) : -1;
    found = -1;
    let childColumn = -1;
    let items = -1;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i];
      if (line.indent < 0) continue;
      const marker = i === itemLine ? -1 : line.item;
      const column = marker >= 0 ? marker : line.indent;
      // a block sequence may sit at its parent key's own indentation (`key:` then `- item`)
      const sameLevelItem = marker >= 0 && marker === parentIndent && index >= 0;
      if (column <= parentIndent && !sameLevelItem) break;
      if (childColumn < 0) childColumn = column;
      if (column !== childColumn) continue;
      if (index >= 0 && marker >= 0) {
        if (++items === index) {
          found = i;
          break;
        }
      } else if (marker < 0 && line.key === token) {
        found = i;
        break;
      }
    }
    if (found < 0) return undefined;
    const line = lines[found];
    if (index >= 0 && line.item >= 0 && found !== itemLine) {
      itemLine = found;
      parentIndent = line.item;
      from = found;
    } else {
      itemLine = -1;
      parentIndent = line.indent;
      from = found + 1;
    }
  }
  return found < 0 ? 1 : found + 1;
}

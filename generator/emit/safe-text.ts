/**
 * The only ways a spec string reaches generated code (docs/architecture.md, "Safety"):
 * a JSON string literal, an identifier that passed the allowlist, or neutralised comment text.
 */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** JSON.stringify plus U+2028/U+2029, which older parsers treat as line breaks inside strings. */
export function literal(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error('cannot render undefined as a literal');
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function literalPretty(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`refusing to emit ${JSON.stringify(name)} as an identifier`);
  return name;
}

// Line breaks of every kind, and the bidi controls of "Trojan Source" (CVE-2021-42574).
const BREAKS = /[\r\n\u2028\u2029\u0085\u000b\u000c]+/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** One line of comment text: no `*​/`, no line breaks, no bidi controls, bounded length. */
export function commentText(text: unknown, maxLength = 200): string {
  let s = String(text ?? '')
    .replace(BREAKS, ' ')
    .replace(BIDI, '')
    .replace(CONTROL, '')
    .replace(/\*\//g, '*\u200b/')
    .replace(/\/\*/g, '/\u200b*')
    .trim();
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  return s;
}

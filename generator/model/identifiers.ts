/**
 * Identifiers made from spec strings. Every generated identifier passes through here: it matches
 * ^[A-Za-z_$][A-Za-z0-9_$]*$, is never a reserved word or an Object.prototype name, and collisions
 * after mangling are resolved deterministically by the caller with `NameRegistry`.
 */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await abstract as async declare from ' +
    'get is keyof module namespace never readonly require set type undefined unique unknown symbol any boolean number ' +
    'string object bigint of infer satisfies accessor arguments eval NaN Infinity globalThis ' +
    // a module exporting `then` is a thenable: `await import()` of a handler file would call it
    'then'
  ).split(' '),
);

/** Names that would shadow Object.prototype members on plain objects keyed by identifiers. */
const PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['prototype', 'name', 'length']));

export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function camelCase(text: string): string {
  const parts = words(text);
  return parts.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : capitalize(w))).join('');
}

export function pascalCase(text: string): string {
  return words(text).map(capitalize).join('');
}

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Longest identifier made from spec text; suffixes added by NameRegistry stay within it too. */
export const MAX_IDENTIFIER = 80;

/** Makes `raw` a safe identifier; `fallback` is used when nothing usable is left. */
export function safeIdentifier(raw: string, fallback = 'unnamed'): string {
  let id = raw.replace(/[^A-Za-z0-9_$]/g, '');
  if (!id) id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  // cap length: 300-byte schema names make unreadable code and long file names
  if (id.length > MAX_IDENTIFIER) id = id.slice(0, MAX_IDENTIFIER);
  if (RESERVED.has(id) || PROTOTYPE.has(id) || id.startsWith('__')) id = `${id}_`;
  return id;
}

/** Hands out unique identifiers in a stable order; case-insensitive so file names never clash on macOS. */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  claim(wanted: string): { name: string; collided: boolean } {
    let name = wanted;
    // Truncate before the suffix: a name cut again later (safeIdentifier) must not lose it and collide.
    for (let i = 2; this.taken.has(name.toLowerCase()); i++)
      name = `${wanted.slice(0, Math.max(1, MAX_IDENTIFIER - String(i).length))}${i}`;
    this.taken.add(name.toLowerCase());
    return { name, collided: name !== wanted };
  }
}

/**
 * JSON pointers (RFC 6901) in their URI-fragment form (`#/components/schemas/A~1B`), written once
 * for the generator and the runtime alike: the runtime is copied into every service, and the
 * generator imports this file from templates/runtime. Fragments are percent-decoded as RFC 6901
 * section 6 says; a token that is not valid percent-encoding is kept as written.
 *
 * Copied verbatim into every generated service: no imports.
 */

/** `a/b~c` -> `a~1b~0c`. */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `['paths', '/users', 'get']` -> `#/paths/~1users/get`. */
export function pointerOf(tokens: readonly (string | number)[]): string {
  return '#' + tokens.map((t) => '/' + escapeToken(t)).join('');
}

/** `#/paths/~1users/get` (or without `#`) -> `['paths', '/users', 'get']`. */
export function parsePointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((t) => safeDecode(t).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer`, own properties only (a spec may name a key `__proto__`); undefined when absent. */
export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const token of parsePointer(pointer || '#')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

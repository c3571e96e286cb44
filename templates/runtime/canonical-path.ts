/**
 * RFC 3986 §6.2.2 normalization of a path, applied alike to the spec's paths (at generation time, in
 * the route patterns) and to request paths (per request), so `/files/<upload_url>` in a spec matches
 * both what `fetch` sends (`/files/%3Cupload_url%3E`) and a raw `<`:
 * - percent-encoded unreserved characters (ALPHA, DIGIT, `-._~`) are decoded (§6.2.2.2);
 * - other percent-encodings keep their meaning and get upper-case hex digits (§6.2.2.1), so `%2F`
 *   never becomes a segment separator and `%2C` stays distinct from `,`;
 * - characters a URI may not contain (`<`, space, non-ASCII...) are percent-encoded as UTF-8.
 * A `%` not followed by two hex digits is left as is: the parameter decoder answers it with a 400.
 */
const PLAIN = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const ALLOWED = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]$/;

export function canonicalPath(path: string): string {
  if (PLAIN.test(path)) return path;
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = path.charAt(i);
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) {
      const hex = path.slice(i + 1, i + 3).toUpperCase();
      const decoded = String.fromCharCode(parseInt(hex, 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${hex}`;
      i += 2;
    } else if (ALLOWED.test(c)) out += c;
    else {
      const code = path.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      if (char.length === 2) i++;
      for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

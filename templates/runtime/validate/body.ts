/**
 * Which documented media type a request body is validated against, chosen as express-openapi-
 * validator chooses it: exact media type with parameters, then the same without a charset or with
 * `charset=utf-8`, then `type/*` and `*\/*` wildcards. JSON (`application/json`, `+json`, any charset)
 * and form bodies are parsed before validation; other media types are only checked for presence.
 */

export interface MediaType {
  /** e.g. 'application/json' */
  base: string;
  /** Normalized 'type/subtype; key=value' with sorted parameters (boundary dropped). */
  normalized: string;
  hasCharset: boolean;
}

export function parseMediaType(text: string | undefined): MediaType | undefined {
  if (!text) return undefined;
  const parameters: [string, string][] = [];
  for (const m of text.matchAll(/;\s*([^=]+)=([^;]+)/g)) {
    const [, name = '', value = ''] = m;
    const key = name.toLowerCase();
    parameters.push([key, key === 'charset' ? value.toLowerCase() : value]);
  }
  const base = (text.split(';')[0] ?? '').toLowerCase().trim();
  parameters.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const normalized =
    base +
    parameters
      .filter(([k]) => k !== 'boundary')
      .map(([k, v]) => `; ${k}=${v}`)
      .join('');
  return { base, normalized, hasCharset: parameters.some(([k]) => k === 'charset') };
}

/** The documented media type key for a request's Content-Type, or undefined (express-openapi-validator's 415). */
/**
 * Answers per (documented list, Content-Type), remembered: clients send a handful of distinct
 * Content-Types, and parsing every documented media type on every request showed in profiles.
 * Bounded, so a client sending endless distinct headers cannot grow it.
 */
const chosen = new WeakMap<string[], Map<string, string | undefined>>();
const CHOSEN_LIMIT = 64;

export function chooseMediaType(documented: string[], contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  let memo = chosen.get(documented);
  if (!memo) chosen.set(documented, (memo = new Map()));
  if (memo.has(contentType)) return memo.get(contentType);
  const answer = chooseMediaTypeUncached(documented, contentType);
  if (memo.size < CHOSEN_LIMIT) memo.set(contentType, answer);
  return answer;
}

function chooseMediaTypeUncached(documented: string[], contentType: string | undefined): string | undefined {
  const actual = parseMediaType(contentType);
  if (!actual) return undefined;
  const parsed = documented.map((type) => [type, parseMediaType(type)!] as const);
  const exact = parsed.find(([, d]) => d.normalized === actual.normalized);
  if (exact) return exact[0];
  const equivalents = [actual.base];
  if (!actual.hasCharset) equivalents.push(`${actual.normalized}; charset=utf-8`);
  const equivalent = parsed.find(([, d]) => equivalents.includes(d.normalized));
  if (equivalent) return equivalent[0];
  for (const type of [...documented].sort().reverse()) {
    if (type === '*/*') return type;
    if (!/^[a-z]+\/\*$/.test(type)) continue;
    if (actual.normalized.startsWith(type.slice(0, -1)) && actual.normalized.length > type.length - 1) return type;
  }
  return undefined;
}

export function isBinarySchema(schema: unknown): boolean {
  return !!schema && typeof schema === 'object' && (schema as { format?: unknown }).format === 'binary';
}

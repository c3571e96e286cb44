/**
 * The path the spec's first server puts in front of every operation path: `/v3` for
 * `https://api.yelp.com/v3` (or a Swagger 2.0 basePath, converted to a server), `''` when the server is
 * the origin itself or absent. The generated service answers there, as clients reading the spec call
 * it; the runtime treats requests outside it as unknown routes (router.ts, fastify/service.ts).
 *
 * Server variables take their `default` (else their first `enum` value). A path that still holds a
 * `{variable}`, or a URL that does not parse, gives `''`: better served at the root than at a
 * guessed prefix. Path-level and operation-level `servers` are not followed (see README, "Base path").
 */
import { asObj } from '../load/local-ref.js';

export function basePathOf(servers: unknown): string {
  const first = asObj(Array.isArray(servers) ? servers[0] : undefined);
  if (typeof first.url !== 'string') return '';
  const variables = asObj(first.variables);
  const url = first.url.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const variable = asObj(Object.hasOwn(variables, name) ? variables[name] : undefined);
    const value = variable.default ?? (Array.isArray(variable.enum) ? variable.enum[0] : undefined);
    return typeof value === 'string' ? value : whole;
  });
  let path: string;
  try {
    // a relative server URL ('/v1', 'v1', '.') is relative to where the spec is served: its path is what counts
    path = new URL(url, 'http://relative.invalid/').pathname;
  } catch {
    return '';
  }
  if (path.includes('{') || path.includes('%7B')) return '';
  return path.replace(/\/+$/, '');
}

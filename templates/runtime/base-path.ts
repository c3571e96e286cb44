import type { Routed } from './route-request.js';

/** A request outside the base path: no operation is there, the documented unknown-route 404. */
export const OUTSIDE_BASE_PATH: Routed = { kind: 'failed', failure: { kind: 'not-found' } };

/**
 * The spec's server path in front of every operation path (`/v3`): a request path inside it, with the
 * prefix taken off for matching, or undefined for a path outside it (an unknown route). An empty base
 * path keeps every path as it is.
 */
export function withinBasePath(path: string, basePath: string): string | undefined {
  if (!basePath) return path;
  if (!path.startsWith(basePath)) return undefined;
  const rest = path.slice(basePath.length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : undefined;
}

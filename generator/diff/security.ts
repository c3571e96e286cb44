/**
 * Security requirement changes of one operation, for clients. A client authenticates the way one old
 * alternative asked. It keeps working when some new alternative asks for no more than that (a subset
 * of its schemes, each with a subset of its scopes). So: public -> secured, a scheme or scope added
 * to every way in, or an alternative dropped is breaking; secured -> public, a new alternative, or
 * scopes removed is not.
 */
import type { ModelSecurity, ModelSecurityRequirement } from '../model/security.js';
import type { ModelOperation } from '../model/types.js';

export function diffSecurity(oldOp: ModelOperation, newOp: ModelOperation): { breaking: boolean; message: string } | undefined {
  const before = normalize(oldOp.security);
  const after = normalize(newOp.security);
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const describe = (s: ModelSecurityRequirement[]) => (s.length ? s.map(text).join(' or ') : 'public');
  const change = `security changed from ${describe(before)} to ${describe(after)}`;
  if (!after.length) return { breaking: false, message: `${change}: now public` };
  if (!before.length) return { breaking: true, message: `${change}: clients written for the old spec send no credentials` };
  const stranded = before.filter((old) => !after.some((alt) => asksNoMoreThan(alt, old)));
  if (stranded.length)
    return { breaking: true, message: `${change}: clients that authenticate with ${stranded.map(text).join(' or ')} are refused` };
  return { breaking: false, message: `${change}: every old way to authenticate still works` };
}

/** Public is []; an alternative {} (anonymous) makes the whole operation effectively public for this purpose. */
function normalize(security: ModelSecurity): ModelSecurityRequirement[] {
  if (!security || security.some((alt) => alt.length === 0)) return [];
  return security
    .map((alt) =>
      alt.map((r) => ({ scheme: r.scheme, scopes: [...new Set(r.scopes)].sort() })).sort((a, b) => a.scheme.localeCompare(b.scheme)),
    )
    .sort((a, b) => text(a).localeCompare(text(b)));
}

function asksNoMoreThan(candidate: ModelSecurityRequirement, old: ModelSecurityRequirement): boolean {
  return candidate.every((r) => {
    const had = old.find((o) => o.scheme === r.scheme);
    return !!had && r.scopes.every((s) => had.scopes.includes(s));
  });
}

function text(alt: ModelSecurityRequirement): string {
  return alt.map((r) => (r.scopes.length ? `${r.scheme} [${r.scopes.join(' ')}]` : r.scheme)).join(' + ');
}

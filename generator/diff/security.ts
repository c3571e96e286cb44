/**
 * Security requirement changes of one operation, for clients. A client authenticates the way one old
 * alternative asked. It keeps working when some new alternative asks for no more than that (a subset
 * of its schemes, each with a subset of its scopes). So: public -> secured, optional -> required, a
 * scheme or scope added to every way in, or an alternative dropped is breaking; secured -> public or
 * optional, a new alternative, or scopes removed is not. Optional credentials (an empty alternative,
 * `- {}`) are told apart from public: where an old way to authenticate is dropped from an optional
 * operation nobody is refused, but those clients are now served as anonymous, which the message says.
 */
import type { ModelSecurity, ModelSecurityRequirement } from '../model/security.js';
import type { ModelOperation } from '../model/types.js';

/** `alternatives` without the empty one; `anonymous` when there is an empty one (or no security at all). */
interface Requirements {
  anonymous: boolean;
  alternatives: ModelSecurityRequirement[];
}

export function diffSecurity(oldOp: ModelOperation, newOp: ModelOperation): { breaking: boolean; message: string } | undefined {
  const before = normalize(oldOp.security);
  const after = normalize(newOp.security);
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const change = `security changed from ${describe(before)} to ${describe(after)}`;
  const stranded = before.alternatives.filter((old) => !after.alternatives.some((alt) => asksNoMoreThan(alt, old)));
  const ways = stranded.map(text).join(' or ');
  if (!after.alternatives.length) return { breaking: false, message: `${change}: now public` };
  if (after.anonymous)
    return stranded.length
      ? { breaking: false, message: `${change}: nobody is refused, but clients that authenticate with ${ways} are now anonymous` }
      : { breaking: false, message: `${change}: credentials are now optional; every old way to authenticate still works` };
  if (!before.alternatives.length) return { breaking: true, message: `${change}: clients written for the old spec send no credentials` };
  if (before.anonymous) return { breaking: true, message: `${change}: clients that sent no credentials are refused` };
  if (stranded.length) return { breaking: true, message: `${change}: clients that authenticate with ${ways} are refused` };
  return { breaking: false, message: `${change}: every old way to authenticate still works` };
}

function normalize(security: ModelSecurity): Requirements {
  const alternatives = (security ?? [])
    .filter((alt) => alt.length > 0)
    .map((alt) =>
      alt.map((r) => ({ scheme: r.scheme, scopes: [...new Set(r.scopes)].sort() })).sort((a, b) => a.scheme.localeCompare(b.scheme)),
    )
    .sort((a, b) => text(a).localeCompare(text(b)));
  const anonymous = !security || security.length === 0 || security.some((alt) => alt.length === 0);
  // an operation with only empty alternatives is public, however it is written
  return { anonymous: anonymous || alternatives.length === 0, alternatives };
}

function describe({ anonymous, alternatives }: Requirements): string {
  if (!alternatives.length) return 'public';
  const ways = alternatives.map(text).join(' or ');
  return anonymous ? `optional (${ways})` : ways;
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

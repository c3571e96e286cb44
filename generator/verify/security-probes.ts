/**
 * Probes and the check for secured operations: the operation's valid request sent without
 * credentials, with malformed ones and with well-formed made-up ones must all be refused with the
 * documented 401 (never reach a handler, never crash). A verifier that accepts anything, or a
 * missing verifier (the runtime answers 500 when a credential arrives for it), shows up here.
 */
import { buildSecuritySchemes, type ModelSecurityScheme } from '../model/security.js';
import type { ModelOperation } from '../model/types.js';
import type { Violation } from './checks.js';
import type { Probe, ResponseSummary } from './types.js';

type Draft = Omit<Probe, 'index'>;
type Credentials = { headers: Record<string, string>; cookies: string[]; query: [string, string][] };

const schemesOf = new WeakMap<object, Map<string, ModelSecurityScheme>>();

function schemes(document: Record<string, unknown>): Map<string, ModelSecurityScheme> {
  let found = schemesOf.get(document);
  if (!found) schemesOf.set(document, (found = new Map(buildSecuritySchemes(document).schemes.map((s) => [s.name, s]))));
  return found;
}

/** Operations that demand credentials (an empty alternative, i.e. optional auth, lets anyone in). */
export function demandsCredentials(op: ModelOperation): boolean {
  return !!op.security && op.security.length > 0 && op.security.every((alt) => alt.length > 0);
}

/** Three probes from the operation's valid request: no, malformed and made-up credentials. */
export function securityProbes(document: Record<string, unknown>, op: ModelOperation, valid: Draft): Draft[] {
  if (!demandsCredentials(op)) return [];
  const known = schemes(document);
  const used = [...new Set(op.security!.flat().map((r) => r.scheme))]
    .map((name) => known.get(name))
    .filter((s): s is ModelSecurityScheme => !!s);
  // mutualTLS cannot be faked from here; the first alternative's schemes get the bad credentials together
  const first = op.security![0].map((r) => known.get(r.scheme)).filter((s): s is ModelSecurityScheme => !!s && s.type.kind !== 'mutualTLS');
  const stripped = withoutCredentials(valid, used);
  const out: Draft[] = [{ ...stripped, kind: 'unauthenticated', label: 'no credentials' }];
  if (first.length) {
    out.push(withCredentials(stripped, credentials(first, 'malformed'), 'malformed credentials'));
    out.push(withCredentials(stripped, credentials(first, 'made-up'), 'well-formed but made-up credentials'));
  }
  return out;
}

function withoutCredentials(valid: Draft, used: ModelSecurityScheme[]): Draft {
  const drop = new Set<string>();
  const url = new URL(valid.request.url);
  for (const { type } of used) {
    if (type.kind === 'apiKey' && type.in === 'header') drop.add(type.name.toLowerCase());
    else if (type.kind === 'apiKey' && type.in === 'cookie') drop.add('cookie');
    else if (type.kind === 'apiKey' && type.in === 'query') url.searchParams.delete(type.name);
    else if (type.kind !== 'mutualTLS') drop.add('authorization');
  }
  const headers = Object.fromEntries(Object.entries(valid.request.headers).filter(([name]) => !drop.has(name.toLowerCase())));
  return { ...valid, request: { ...valid.request, url: url.href, headers } };
}

function credentials(list: ModelSecurityScheme[], kind: 'malformed' | 'made-up'): Credentials {
  const out: Credentials = { headers: {}, cookies: [], query: [] };
  const madeUp = 'faultline-probe-not-a-real-credential';
  for (const { type } of list) {
    if (type.kind === 'apiKey') {
      // malformed: a key with a byte no key has (percent-encoding that does not decode, for cookies)
      const value = kind === 'made-up' ? madeUp : type.in === 'cookie' ? '%E0%A4%A' : '';
      if (type.in === 'header') out.headers[type.name] = value;
      else if (type.in === 'cookie') out.cookies.push(`${type.name}=${value}`);
      else out.query.push([type.name, value]);
    } else if (type.kind === 'http' && type.scheme === 'basic') {
      out.headers.Authorization =
        kind === 'made-up' ? `Basic ${Buffer.from(`faultline-probe:${madeUp}`).toString('base64')}` : 'Basic %%%not-base64%%%';
    } else if (type.kind === 'http' && type.scheme !== 'bearer') {
      const name = type.scheme.charAt(0).toUpperCase() + type.scheme.slice(1);
      out.headers.Authorization = kind === 'made-up' ? `${name} ${madeUp}` : `${name}-faultline ,,`;
    } else if (type.kind !== 'mutualTLS') {
      out.headers.Authorization = kind === 'made-up' ? `Bearer ${madeUp}` : 'Bearer';
    }
  }
  return out;
}

function withCredentials(base: Draft, c: Credentials, label: string): Draft {
  const url = new URL(base.request.url);
  for (const [name, value] of c.query) url.searchParams.set(name, value);
  const headers = { ...base.request.headers, ...c.headers, ...(c.cookies.length ? { Cookie: c.cookies.join('; ') } : {}) };
  return { ...base, kind: 'unauthenticated', label, request: { ...base.request, url: url.href, headers } };
}

/** Refused, and with the documented 401 when the operation documents one. */
export function securityChecks(op: ModelOperation | undefined, probe: Probe, response: ResponseSummary): Violation[] {
  const s = response.status;
  const documents401 = !!op?.responses.some((r) => r.status === '401');
  if (s < 400)
    return [
      {
        check: 'secured_rejects_unauthenticated',
        message: `answered ${s} to a request with ${probe.label}: a secured operation let it through; expected the documented 401`,
      },
    ];
  if (s >= 500)
    return [
      {
        check: 'secured_rejects_unauthenticated',
        message: `answered ${s} to a request with ${probe.label}; expected the documented 401 (a crashing or missing verifier?)`,
      },
    ];
  if (documents401 && s !== 401)
    return [
      { check: 'secured_rejects_unauthenticated', message: `answered ${s} to a request with ${probe.label}; expected the documented 401` },
    ];
  return [];
}

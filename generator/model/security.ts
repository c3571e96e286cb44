/**
 * Security in the IR (OpenAPI 3.x "Security Scheme Object" and "Security Requirement Object",
 * https://spec.openapis.org/oas/v3.1.0#security-scheme-object). Each operation gets its effective
 * requirements: its own `security`, else the document's. Alternatives are OR, the schemes inside one
 * requirement are AND. `[]` means public; an empty requirement `{}` among others means "or anonymous".
 */
import { escapePointerToken, pointerOf, type Diagnostic } from '../diagnostics.js';
import { asObj, resolveLocal } from '../load/local-ref.js';

type Obj = Record<string, unknown>;
type Problem = Omit<Diagnostic, 'file' | 'line'>;

/** What the runtime needs of a scheme to find its credential and build a challenge. */
export type SecuritySchemeKind =
  | { kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { kind: 'http'; scheme: string }
  | { kind: 'oauth2' }
  | { kind: 'openIdConnect' }
  | { kind: 'mutualTLS' };

export interface ModelSecurityScheme {
  name: string;
  pointer: string;
  description?: string;
  type: SecuritySchemeKind;
}

/** One alternative: every scheme in it must pass (AND), with these scopes (or roles). */
export type ModelSecurityRequirement = { scheme: string; scopes: string[] }[];

/** `undefined`: public. Otherwise at least one alternative; an empty one allows anonymous requests. */
export type ModelSecurity = ModelSecurityRequirement[] | undefined;

export function buildSecuritySchemes(doc: Obj): { schemes: ModelSecurityScheme[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const schemes: ModelSecurityScheme[] = [];
  const raw = asObj(asObj(doc.components).securitySchemes);
  for (const name of Object.keys(raw).sort()) {
    const pointer = pointerOf(['components', 'securitySchemes', name]);
    const s = asObj(resolveLocal(doc, raw[name]));
    if (name === '__proto__') {
      problems.push({
        code: 'UNSUPPORTED_SECURITY_SCHEME',
        severity: 'error',
        pointer,
        message: 'a security scheme cannot be called "__proto__"',
        fix: 'rename the scheme',
      });
      continue;
    }
    const kind = schemeKind(s);
    if (!kind) {
      const where = s.type === 'apiKey' ? ` with in ${JSON.stringify(s.in)} and name ${JSON.stringify(s.name)}` : '';
      problems.push({
        code: 'UNSUPPORTED_SECURITY_SCHEME',
        severity: 'error',
        pointer,
        message: `security scheme "${name}" has type ${JSON.stringify(s.type)}${where}, which faultline cannot enforce`,
        fix: 'use apiKey (in header, query or cookie, with a name), http, oauth2, openIdConnect or mutualTLS',
      });
      continue;
    }
    schemes.push({ name, pointer, type: kind, ...(typeof s.description === 'string' ? { description: s.description } : {}) });
  }
  return { schemes, problems };
}

function schemeKind(s: Obj): SecuritySchemeKind | undefined {
  switch (s.type) {
    case 'apiKey':
      if (!['header', 'query', 'cookie'].includes(String(s.in)) || typeof s.name !== 'string' || s.name === '') return undefined;
      return { kind: 'apiKey', in: s.in as 'header' | 'query' | 'cookie', name: s.name };
    case 'http':
      // RFC 7235: auth-scheme names are case-insensitive
      return typeof s.scheme === 'string' && /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(s.scheme)
        ? { kind: 'http', scheme: s.scheme.toLowerCase() }
        : undefined;
    case 'oauth2':
    case 'openIdConnect':
    case 'mutualTLS':
      return { kind: s.type };
    default:
      return undefined;
  }
}

/**
 * The effective requirements of one operation. Unknown scheme names are errors (an operation that
 * names a scheme nobody declared cannot be enforced, and letting it through would fail open).
 */
export function operationSecurity(doc: Obj, op: Obj, opPointer: string, declared: Set<string>, problems: Problem[]): ModelSecurity {
  const own = op.security !== undefined;
  const list = own ? op.security : doc.security;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const base = own ? `${opPointer}/security` : '/security';
  const alternatives: ModelSecurityRequirement[] = [];
  list.forEach((entry, i) => {
    const requirement: ModelSecurityRequirement = [];
    for (const [scheme, scopes] of Object.entries(asObj(entry))) {
      if (!declared.has(scheme)) {
        problems.push({
          code: 'UNKNOWN_SECURITY_SCHEME',
          severity: 'error',
          pointer: `${base}/${i}/${escapePointerToken(scheme)}`,
          message: `security requirement names "${scheme}", which components.securitySchemes does not declare`,
          fix: 'declare the scheme under components.securitySchemes or fix the name',
        });
        continue;
      }
      requirement.push({ scheme, scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [] });
    }
    alternatives.push(requirement);
  });
  return alternatives;
}

/** Scheme names the operations actually use: these need a verifier. */
export function usedSchemes(operations: { security?: ModelSecurity }[]): Set<string> {
  const used = new Set<string>();
  for (const op of operations) for (const alt of op.security ?? []) for (const r of alt) used.add(r.scheme);
  return used;
}

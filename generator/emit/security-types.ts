/**
 * Type expressions for security.gen.ts and the `auth` of each handler input, built from literals only
 * (scheme names are spec strings: they appear as JSON string literals, never as identifiers).
 */
import { literal } from './safe-text.js';
import { usedSchemes, type ModelSecurityScheme } from '../model/security.js';
import type { Model, ModelOperation } from '../model/types.js';

export interface SecurityView {
  schemes: { key: string; description: string; credentialType: string; verifierKey: string }[];
  /** `security: Verifiers` when an operation is secured (a missing verifier is a compile error), else optional. */
  securityOption: string;
  /** createRouter's rest parameter: options are required when verifiers are. */
  routerArgs: string;
}

export function securityView(model: Model): SecurityView {
  const used = usedSchemes(model.operations);
  const schemes = (model.securitySchemes ?? []).map((s) => ({
    key: literal(s.name),
    description: s.description ?? `${s.name}: ${describe(s)}`,
    credentialType: credentialType(s),
    // unused schemes may have a verifier (e.g. kept for later), operations' schemes must
    verifierKey: `${literal(s.name)}${used.has(s.name) ? '' : '?'}`,
  }));
  const required = used.size > 0;
  return {
    schemes,
    securityOption: required ? 'security: Verifiers' : 'security?: Verifiers',
    routerArgs: required ? '[options: ServiceOptions<Base>]' : '[options?: ServiceOptions<Base>]',
  };
}

function credentialType({ type: s }: ModelSecurityScheme): string {
  if (s.kind === 'http' && s.scheme === 'basic') return 'rt.BasicCredential';
  if (s.kind === 'mutualTLS') return 'rt.MutualTlsCredential';
  return 'string';
}

function describe({ type: s }: ModelSecurityScheme): string {
  switch (s.kind) {
    case 'apiKey':
      return `API key in ${s.in} ${s.name}`;
    case 'http':
      return s.scheme === 'bearer'
        ? 'bearer token'
        : s.scheme === 'basic'
          ? 'HTTP Basic user and password'
          : `the raw Authorization value (${s.scheme})`;
    case 'mutualTLS':
      return 'the TLS peer certificate';
    default:
      return `${s.kind} bearer token`;
  }
}

/** `undefined` for public operations; else a union with one member per alternative. */
export function authType(op: ModelOperation): string {
  if (!op.security) return 'undefined';
  return op.security
    .map((requirement, index) => {
      const principals = requirement.map((r) => `${literal(r.scheme)}: PrincipalOf<${literal(r.scheme)}>`).join('; ');
      return `{ requirement: ${index}; principals: { ${principals} } }`;
    })
    .join(' | ');
}

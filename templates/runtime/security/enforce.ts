/**
 * Security enforcement, called by both targets (each with its native request: Express's or Fastify's)
 * after the route is matched, before the body is read or validated, so an unauthenticated request is
 * answered 401 and never 400. For each alternative of the operation
 * (OR), every scheme in it (AND) must yield a credential its verifier accepts, with the scopes asked.
 *
 * Outcome when no alternative passes, strongest first: a verifier crashed (or a credential arrived for
 * a scheme with no verifier registered: the service is misconfigured) -> the documented 500, even when
 * an empty alternative would let the request in anonymously; an empty alternative -> anonymous; a valid
 * credential lacks scopes or was refused with forbidden() -> 403; otherwise -> 401 with WWW-Authenticate.
 * Nothing of a credential reaches logs, errors or bodies.
 */
import type { NativeRequest } from '../native.js';
import type { ServiceContract, OperationContract } from '../contract.js';
import type { Logger } from '../logger.js';
import type { Verdict } from '../classify.js';
import { HttpError } from '../http-errors.js';
import { VERDICTS } from '../verdicts.js';
import { extractCredential, type CredentialSource } from './extract.js';
import { buildChallenge, type ChallengeReason } from './challenge.js';
import type { AnyVerifier, AuthResult, SecurityRequirementContract } from './types.js';

type Failed = { state: 'missing' | 'invalid' } | { state: 'forbidden'; scopes?: string[] } | { state: 'crashed'; error: unknown };
type SchemeOutcome = { state: 'ok'; principal: unknown; scopes: Set<string> } | Failed;
export type SecurityOutcome =
  | { state: 'ok'; auth: AuthResult }
  | { state: 'crashed'; error: unknown }
  | { state: 'refused'; verdict: Verdict };

/** Thrown into the error path when a credential arrives for a scheme nobody registered a verifier for. */
export class MissingVerifierError extends Error {
  constructor(readonly scheme: string) {
    super(`no verifier is registered for security scheme ${JSON.stringify(scheme)}; pass it in createRouter's options.security`);
    this.name = 'MissingVerifierError';
  }
}

/**
 * What each target passes: its native request (Express's Request, or the FastifyRequest), which has
 * what credential extraction reads. Typed structurally because both targets' routers are copied into
 * every service while native.ts names only that service's target; verifiers see it as NativeRequest.
 */
type Req = CredentialSource;

export interface SecurityStep {
  contract: ServiceContract;
  verifiers: Record<string, AnyVerifier | undefined>;
}

/** Logged once at start-up: a credential for such a scheme is answered 500 (misconfigured service), no credential 401. */
export function warnUnregisteredSchemes(
  contract: ServiceContract,
  verifiers: Record<string, AnyVerifier | undefined>,
  logger: Logger,
): void {
  const used = new Set(contract.operations.flatMap((op) => (op.security ?? []).flat().map((r) => r.scheme)));
  const unregistered = [...used].filter((name) => typeof ownValue(verifiers, name) !== 'function');
  if (unregistered.length)
    logger.error(
      { schemes: unregistered },
      'security schemes without a verifier: requests that carry their credentials are answered 500, others 401',
    );
}

export async function authenticate(step: SecurityStep, op: OperationContract, req: Req, requestId: string): Promise<SecurityOutcome> {
  const requirements = op.security ?? [];
  const cache = new Map<string, Promise<SchemeOutcome>>();
  const failures: Failed[] = [];
  let anonymous: number | undefined;
  for (const [index, requirement] of requirements.entries()) {
    if (requirement.length === 0) {
      anonymous ??= index;
      continue;
    }
    const principals: Record<string, unknown> = {};
    let failed: Failed | undefined;
    for (const { scheme, scopes } of requirement) {
      if (!cache.has(scheme)) cache.set(scheme, checkScheme(step, op, req, requestId, scheme, scopes));
      const result = await cache.get(scheme)!;
      if (result.state !== 'ok') {
        failed = result;
        break;
      }
      const lacking = scopes.filter((scope) => !result.scopes.has(scope));
      if (lacking.length) {
        failed = { state: 'forbidden', scopes };
        break;
      }
      principals[scheme] = result.principal;
    }
    if (!failed) return { state: 'ok', auth: { requirement: index, principals } };
    failures.push(failed);
  }
  // A crash wins even over an anonymous alternative: a verifier that cannot judge a credential it was
  // sent (its database is down, it is missing) is an outage to answer and log, not a silent anonymous pass.
  const crashed = failures.find((f) => f.state === 'crashed');
  if (crashed) return crashed;
  // Otherwise optional credentials that fail (invalid, forbidden, too few scopes) leave the request
  // anonymous, as OpenAPI's OR says: the empty alternative is met.
  if (anonymous !== undefined) return { state: 'ok', auth: { requirement: anonymous, principals: {} } };
  const realm = step.contract.title;
  const schemes = step.contract.securitySchemes ?? {};
  const forbidden = failures.find((f) => f.state === 'forbidden');
  if (forbidden) {
    const challenge = forbidden.scopes ? buildChallenge(requirements, schemes, realm, 'insufficient_scope', forbidden.scopes) : undefined;
    return refused(forbidden.scopes ? 'INSUFFICIENT_SCOPE' : 'FORBIDDEN', challenge);
  }
  const reason: ChallengeReason = failures.some((f) => f.state === 'invalid') ? 'invalid' : 'missing';
  return refused(reason === 'missing' ? 'UNAUTHENTICATED' : 'INVALID_CREDENTIALS', buildChallenge(requirements, schemes, realm, reason));
}

function refused(
  code: 'UNAUTHENTICATED' | 'INVALID_CREDENTIALS' | 'FORBIDDEN' | 'INSUFFICIENT_SCOPE',
  challenge: string | undefined,
): SecurityOutcome {
  const { status, detail } = VERDICTS[code];
  return {
    state: 'refused',
    verdict: { status, code, detail, origin: 'client', headers: challenge ? { 'WWW-Authenticate': challenge } : {} },
  };
}

/** One scheme, once per request even when several alternatives name it. */
async function checkScheme(
  step: SecurityStep,
  op: OperationContract,
  req: Req,
  requestId: string,
  name: string,
  scopes: string[],
): Promise<SchemeOutcome> {
  // own properties only: a scheme called "constructor" must not find Object's
  const scheme = ownValue(step.contract.securitySchemes ?? {}, name);
  if (!scheme) return { state: 'crashed', error: new MissingVerifierError(name) };
  const extracted = extractCredential(req, scheme);
  if (extracted.state === 'missing') return { state: 'missing' };
  if (extracted.state === 'malformed') return { state: 'invalid' };
  const verifier = ownValue(step.verifiers, name);
  if (typeof verifier !== 'function') return { state: 'crashed', error: new MissingVerifierError(name) };
  try {
    const principal = await verifier(extracted.credential, {
      req: req as unknown as NativeRequest,
      requestId,
      operation: op.name,
      scheme: name,
      scopes,
    });
    if (principal === null || principal === undefined) return { state: 'invalid' };
    return { state: 'ok', principal, scopes: grantedScopes(principal) };
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return { state: 'invalid' };
    if (error instanceof HttpError && error.status === 403) return { state: 'forbidden' };
    return { state: 'crashed', error };
  }
}

function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `scopes: string[]`, or OAuth introspection's `scope: "a b"` (RFC 7662). */
function grantedScopes(principal: unknown): Set<string> {
  if (principal === null || typeof principal !== 'object') return new Set();
  const p = principal as { scopes?: unknown; scope?: unknown };
  if (Array.isArray(p.scopes)) return new Set(p.scopes.filter((s): s is string => typeof s === 'string'));
  if (typeof p.scope === 'string') return new Set(p.scope.split(/\s+/).filter(Boolean));
  return new Set();
}

/** What a verifier throws for a valid credential that may not do this: answered 403. */
export function forbidden(detail: string = VERDICTS.FORBIDDEN.detail): HttpError {
  return new HttpError(403, { detail, code: 'FORBIDDEN' });
}

export type { SecurityRequirementContract };

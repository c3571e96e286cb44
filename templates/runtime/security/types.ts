/**
 * Types of security enforcement: what contract.gen.ts says about schemes and requirements, what a
 * verifier receives and returns, and the `auth` a handler gets. See README "Security".
 */
import type { NativeRequest } from '../native.js';
import type { PeerCertificate } from 'node:tls';

/** A scheme as the runtime needs it (components.securitySchemes, reduced). */
export type SecuritySchemeContract =
  | { kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { kind: 'http'; scheme: string }
  | { kind: 'oauth2' }
  | { kind: 'openIdConnect' }
  | { kind: 'mutualTLS' };

/** One alternative of an operation's requirements: all of these schemes, each with these scopes. */
export type SecurityRequirementContract = { scheme: string; scopes: string[] }[];

/** http `basic`: the decoded user-id and password (RFC 7617). */
export interface BasicCredential {
  username: string;
  password: string;
}

/** mutualTLS: the peer certificate and whether the TLS layer validated it against your CAs. */
export interface MutualTlsCredential {
  certificate: PeerCertificate;
  authorized: boolean;
}

export interface VerifyContext {
  /** The target's own request: Express's Request, or FastifyRequest on `--target fastify` (native.ts). */
  req: NativeRequest;
  requestId: string;
  /** Operation name, e.g. 'deleteUser'. */
  operation: string;
  /** Scheme name as in the spec. */
  scheme: string;
  /** Scopes (or roles) this requirement asks for; faultline checks them against what you return. */
  scopes: readonly string[];
}

/**
 * Checks one credential. Return the principal (any value but null/undefined) to accept it, null or
 * undefined to reject it (401). Throw `forbidden()` for a valid credential that may not do this (403).
 * When the requirement names scopes, the principal's `scopes` (string[]) or `scope` (space-separated,
 * as in OAuth token introspection) must contain all of them, else 403. Any other throw is a 500.
 */
export type Verifier<Credential, Principal> = (
  credential: Credential,
  context: VerifyContext,
) => Principal | null | undefined | Promise<Principal | null | undefined>;

/**
 * A verifier of any scheme, as the runtime stores them (one per scheme name). A method type, so a
 * verifier of one scheme's credential (`Verifier<string, Session>`) fits: enforce.ts hands each
 * verifier only the credential its scheme's kind yields (extract.ts), which TypeScript cannot see.
 */
interface VerifierSlot {
  verify(credential: string | BasicCredential | MutualTlsCredential, context: VerifyContext): unknown;
}
export type AnyVerifier = VerifierSlot['verify'];

/** What the handler of a secured operation gets: which alternative was met and each scheme's principal. */
export interface AuthResult {
  requirement: number;
  principals: Record<string, unknown>;
}

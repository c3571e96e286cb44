/**
 * Finds a scheme's credential in a request. Nothing here judges a credential: it is missing,
 * malformed (present but unusable, answered 401 without calling a verifier) or present.
 * Credentials are never logged or copied into anything but the verifier's argument.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { BasicCredential, MutualTlsCredential, SecuritySchemeContract } from './types.js';

/**
 * The parts of a request credentials are read from. Express's Request and Fastify's FastifyRequest both
 * have them (`originalUrl` is the request target with its query string on both), so each target hands
 * its own native request, which verifiers then get as `context.req`.
 */
export interface CredentialSource {
  headers: IncomingHttpHeaders;
  originalUrl: string;
  socket: Socket;
}

export type Extracted =
  | { state: 'missing' }
  | { state: 'malformed' }
  | { state: 'present'; credential: string | BasicCredential | MutualTlsCredential };

/** Longer credentials are refused unread (Node's own header limit, 16 KB by default, answers 431 before us). */
export const MAX_CREDENTIAL_LENGTH = 8192;

const MISSING: Extracted = { state: 'missing' };
const MALFORMED: Extracted = { state: 'malformed' };
/** RFC 6750 b64token */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function extractCredential(req: CredentialSource, scheme: SecuritySchemeContract): Extracted {
  switch (scheme.kind) {
    case 'apiKey':
      return scheme.in === 'header'
        ? fromHeader(req, scheme.name)
        : scheme.in === 'query'
          ? fromQuery(req, scheme.name)
          : fromCookie(req, scheme.name);
    case 'http':
      if (scheme.scheme === 'bearer') return bearer(req);
      if (scheme.scheme === 'basic') return basic(req);
      return rawAuthorization(req, scheme.scheme);
    case 'oauth2':
    case 'openIdConnect':
      return bearer(req);
    case 'mutualTLS':
      return peerCertificate(req);
  }
}

/** Splits `Authorization: <scheme> <rest>`; undefined when the header is absent. */
function authorization(req: CredentialSource): { scheme: string; rest: string } | 'malformed' | undefined {
  const value = req.headers.authorization;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > MAX_CREDENTIAL_LENGTH) return 'malformed';
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?: +(.*))?$/s.exec(value.trim());
  if (!match) return 'malformed';
  const [, scheme = '', rest = ''] = match;
  return { scheme: scheme.toLowerCase(), rest: rest.trim() };
}

function bearer(req: CredentialSource): Extracted {
  const auth = authorization(req);
  if (auth === undefined) return MISSING;
  if (auth === 'malformed' || auth.scheme !== 'bearer' || !BEARER_TOKEN.test(auth.rest)) return MALFORMED;
  return { state: 'present', credential: auth.rest };
}

function basic(req: CredentialSource): Extracted {
  const auth = authorization(req);
  if (auth === undefined) return MISSING;
  if (auth === 'malformed' || auth.scheme !== 'basic' || auth.rest === '' || !BASE64.test(auth.rest)) return MALFORMED;
  let decoded: string;
  try {
    decoded = utf8.decode(Buffer.from(auth.rest, 'base64'));
  } catch {
    return MALFORMED;
  }
  const colon = decoded.indexOf(':');
  // RFC 7617: the user-id cannot contain a colon, and control characters are not allowed in either part
  if (colon < 0 || /[\u0000-\u001f\u007f]/.test(decoded)) return MALFORMED;
  return { state: 'present', credential: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } };
}

/** Other http schemes (digest, hoba, a custom one): the raw Authorization value, when it is of this scheme. */
function rawAuthorization(req: CredentialSource, scheme: string): Extracted {
  const auth = authorization(req);
  if (auth === undefined) return MISSING;
  if (auth === 'malformed' || auth.scheme !== scheme) return MALFORMED;
  return { state: 'present', credential: String(req.headers.authorization).trim() };
}

function fromHeader(req: CredentialSource, name: string): Extracted {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return MISSING;
  // a repeated header arrives as an array or joined with ", ": either way it is not one key
  if (typeof value !== 'string' || value === '' || value.length > MAX_CREDENTIAL_LENGTH) return MALFORMED;
  return { state: 'present', credential: value };
}

function fromQuery(req: CredentialSource, name: string): Extracted {
  const at = req.originalUrl.indexOf('?');
  if (at < 0) return MISSING;
  let values: string[];
  try {
    values = new URLSearchParams(req.originalUrl.slice(at + 1)).getAll(name);
  } catch {
    return MALFORMED;
  }
  if (values.length === 0) return MISSING;
  const [value] = values;
  if (values.length > 1 || !value || value.length > MAX_CREDENTIAL_LENGTH) return MALFORMED;
  return { state: 'present', credential: value };
}

/** RFC 6265 cookie-string: `name=value; name2=value2`; the first cookie of that name counts. */
function fromCookie(req: CredentialSource, name: string): Extracted {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return MISSING;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (value === '' || value.length > MAX_CREDENTIAL_LENGTH) return MALFORMED;
    try {
      return { state: 'present', credential: decodeURIComponent(value) };
    } catch {
      return MALFORMED;
    }
  }
  return MISSING;
}

function peerCertificate(req: CredentialSource): Extracted {
  const socket = req.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function') return MISSING;
  const certificate = socket.getPeerCertificate();
  if (!certificate || Object.keys(certificate).length === 0) return MISSING;
  return { state: 'present', credential: { certificate, authorized: socket.authorized === true } };
}

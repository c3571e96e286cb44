/** Security enforcement: see enforce.ts. */
export { warnUnregisteredSchemes, authenticate, forbidden, MissingVerifierError } from './enforce.js';
export { extractCredential, MAX_CREDENTIAL_LENGTH } from './extract.js';
export { buildChallenge } from './challenge.js';
export { safeEqual } from './safe-equal.js';
export type {
  Verifier,
  AnyVerifier,
  VerifyContext,
  AuthResult,
  BasicCredential,
  MutualTlsCredential,
  SecuritySchemeContract,
  SecurityRequirementContract,
} from './types.js';

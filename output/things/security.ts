import type { Verifiers } from './generated/security.gen.js';

/**
 * The verifiers of Things: one per security scheme its operations use (see the README of
 * faultline, "Security"). Yours: faultline created this file once and never overwrites it.
 * A verifier gets the credential faultline found in the request and returns the principal (the
 * handler sees it in `input.auth`), or null to answer the documented 401. Throw `forbidden()` from
 * generated/runtime for a 403. Until you write them, these refuse every credential.
 */
export const security: Verifiers = {
};

/**
 * The typed side of security on the generated fixture service, checked by tsc: leaving out the
 * verifier of a scheme the spec uses is a compile error naming it, so is calling createRouter without
 * options; a verifier gets its scheme's credential type; a handler's `auth` is a union over the
 * requirements with each scheme's declared principal; a public operation has no auth. Both targets:
 * on `--target fastify` the entry is createService, a verifier's `context.req` is the FastifyRequest,
 * and the runtime offers the same helpers (forbidden, safeEqual, mapError).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsc } from '../support/run.js';
import { TARGETS, generateFixture, type Target } from './support.js';

const usage = (target: Target) => `import { ${ENTRY[target]} as createRouter } from './generated/router.gen.js';
import { handlers } from './generated/registry.gen.js';
import type { BothKeysInput, EitherWayInput, PublicOpInput } from './generated/handlers.gen.js';
import type { Verifiers } from './generated/security.gen.js';
import { security } from './security.js';
import { forbidden, mapError, safeEqual } from './generated/runtime/index.js';

declare module './generated/security.gen.js' {
  interface Principals {
    headerKey: { name: string };
    basicAuth: { user: string };
  }
}

createRouter(handlers, { security });
// @ts-expect-error options (with the verifiers) are required when operations are secured
createRouter(handlers);

export const basic: Verifiers['basicAuth'] = ({ username, password }) => (password.length ? { user: username } : null);
// @ts-expect-error the principal must be the declared type
export const wrongPrincipal: Verifiers['headerKey'] = () => ({ nam: 'x' });
export const mtls: Verifiers['mtls'] = ({ certificate, authorized }) => (authorized ? certificate.subject.CN : null);

export const both = (input: BothKeysInput): string => input.auth.principals.headerKey.name;
export const either = (input: EitherWayInput): string => (input.auth.requirement === 0 ? input.auth.principals.basicAuth.user : String(input.auth.principals.queryKey));
// @ts-expect-error the second alternative has no basicAuth
export const notNarrowed = (input: EitherWayInput): string => input.auth.principals.basicAuth.user;
export const none = (input: PublicOpInput): undefined => input.auth;

// the same helpers on both targets; context.req is the target's own request
export const keyed: Verifiers['headerKey'] = (key, { req }) => {
  if (key === 'no') throw forbidden('not this one');
  return safeEqual(key, String(req.headers['x-expected'] ?? '')) ? { name: ${TARGET_REQUEST[target]} } : null;
};
export const mappers = [mapError(RangeError, 400)];
`;

const missing = (target: Target) => `import { ${ENTRY[target]} as createRouter } from './generated/router.gen.js';
import { handlers } from './generated/registry.gen.js';
import { security } from './security.js';

const { basicAuth: _dropped, ...rest } = security;
createRouter(handlers, { security: rest });
`;

const ENTRY: Record<Target, string> = { express: 'createRouter', fastify: 'createService' };
/** Something only the target's native request has: Express's req.hostname, Fastify's req.raw. */
const TARGET_REQUEST: Record<Target, string> = { express: 'req.hostname', fastify: 'String(req.raw.url)' };

describe.each(TARGETS)('security types (%s)', (target) => {
  let dir: Awaited<ReturnType<typeof generateFixture>>;
  beforeAll(async () => {
    dir = await generateFixture(`security-types-${target}`, target);
  }, 120_000);
  afterAll(() => dir?.remove());

  it('typed verifiers and auth compile; a missing verifier is an error naming the scheme', () => {
    writeFileSync(join(dir.path, 'usage.ts'), usage(target));
    writeFileSync(join(dir.path, 'missing.ts'), missing(target));
    const ran = tsc(dir.path);
    const errors = ran.stdout.split('\n').filter((line) => /error TS/.test(line));
    expect(errors.length, ran.stdout).toBeGreaterThan(0);
    expect(
      errors.every((line) => /(^|\/)missing\.ts\(6,/.test(line)),
      ran.stdout,
    ).toBe(true);
    expect(ran.stdout).toMatch(/basicAuth/);
  }, 300_000);
});

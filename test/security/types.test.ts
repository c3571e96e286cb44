/**
 * The typed side of security on the generated fixture service, checked by tsc: leaving out the
 * verifier of a scheme the spec uses is a compile error naming it, so is calling createRouter without
 * options; a verifier gets its scheme's credential type; a handler's `auth` is a union over the
 * requirements with each scheme's declared principal; a public operation has no auth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsc } from '../support/run.js';
import { generateFixture } from './support.js';

const USAGE = `import { createRouter } from './generated/router.gen.js';
import { handlers } from './generated/registry.gen.js';
import type { BothKeysInput, EitherWayInput, PublicOpInput } from './generated/handlers.gen.js';
import type { Verifiers } from './generated/security.gen.js';
import { security } from './security.js';

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
`;

const MISSING = `import { createRouter } from './generated/router.gen.js';
import { handlers } from './generated/registry.gen.js';
import { security } from './security.js';

const { basicAuth: _dropped, ...rest } = security;
createRouter(handlers, { security: rest });
`;

describe('security types', () => {
  let dir: Awaited<ReturnType<typeof generateFixture>>;
  beforeAll(async () => {
    dir = await generateFixture('security-types');
  }, 120_000);
  afterAll(() => dir?.remove());

  it('typed verifiers and auth compile; a missing verifier is an error naming the scheme', () => {
    writeFileSync(join(dir.path, 'usage.ts'), USAGE);
    writeFileSync(join(dir.path, 'missing.ts'), MISSING);
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

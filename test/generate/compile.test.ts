/**
 * `tsc --noEmit --strict` over this repo (generator, runtime, tests and the typed usage file
 * test/usage/users-handlers.ts, whose @ts-expect-error lines prove undocumented statuses do not compile),
 * over the runtime alone with the strictest flags users set (tsconfig.runtime.json), and over both
 * generated example services with their handlers.
 */
import { describe, expect, it } from 'vitest';
import { tsc } from '../support/run.js';

describe('type-checking', () => {
  it.each(['.', 'tsconfig.runtime.json', 'output/users', 'output/things'])(
    'tsc --noEmit -p %s',
    (project) => {
      const ran = tsc(project);
      expect(ran.stdout + ran.stderr).toBe('');
      expect(ran.code).toBe(0);
    },
    300_000,
  );
});

import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** Pure unit tests: no servers, child processes or global patches (checked when this was set). */
const UNIT = 'test/unit/**/*.test.ts';

export default defineConfig({
  test: {
    // Generous on purpose: the suite must pass on a busy 2-core machine; a timeout is for hangs only.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Both cores of a 2-core machine: most tests wait on child processes and sockets, so two workers
    // nearly halve the wall time (vitest's default leaves one core idle).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // The unit files share their workers' module cache (isolate: false): a fresh process and fresh
      // imports of the generator for each of these small files cost more than the tests themselves.
      { extends: true, test: { name: 'unit', include: [UNIT], isolate: false } },
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, UNIT] } },
    ],
  },
});

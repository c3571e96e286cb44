import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** Pure unit tests: no servers, child processes or global patches (checked when this was set). */
const UNIT = 'test/unit/**/*.test.ts';
/**
 * In-process servers on 127.0.0.1:0: each file closes what it starts and restores the one env var it
 * sets. They pass in any order in one process (checked with --sequence.shuffle.files).
 */
const IN_PROCESS = ['test/security/**/*.test.ts', 'test/verify/**/*.test.ts', 'test/service/**/*.test.ts', 'test/runtime/media-types.test.ts', 'test/runtime/requests.test.ts', 'test/hostile-requests/**/*.test.ts'];

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
      // These files share their workers' module cache (isolate: false): a fresh process and fresh
      // imports of the generator for each of these small files cost more than the tests themselves.
      { extends: true, test: { name: 'unit', include: [UNIT], isolate: false } },
      { extends: true, test: { name: 'in-process', include: IN_PROCESS, isolate: false } },
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, UNIT, ...IN_PROCESS] } },
    ],
  },
});

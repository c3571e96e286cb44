import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous on purpose: the suite must pass on a busy 2-core machine; a timeout is for hangs only.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Both cores of a 2-core machine: most tests wait on child processes and sockets, so two workers
    // nearly halve the wall time (vitest's default leaves one core idle).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous on purpose: the suite must pass on a busy 2-core machine; a timeout is for hangs only.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The slow suites mostly wait on child processes and sockets, so two workers on a 2-core
    // CI machine (where the default is one) shorten the run without starving the bots they
    // spawn, which must still answer the fake Discord within its 3 seconds.
    maxWorkers: 2,
  },
});

import { defineProject } from 'vitest/config';

// The contract fuzz and the two-tenant leak suite against one booted Cortex (global setup), files
// one after another: they share the host, and each proves per operation that nothing was written.
export default defineProject({
  test: {
    name: 'fuzz',
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['./fuzz-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});

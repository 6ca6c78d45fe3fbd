import { defineProject } from 'vitest/config';

// Browser flows against the standalone CRM and against Cortex (with a test OpenID provider): one
// server of each for the whole run (global setups), one Chromium per file, files one after another
// (they share the servers' data).
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./support/crm-global-setup.ts', './support/cortex-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

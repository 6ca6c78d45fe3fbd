import { defineProject } from 'vitest/config';

// Browser flows against the standalone CRM: one server for the whole run (global setup), one
// Chromium per file, files one after another (they share the server's data).
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./support/crm-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

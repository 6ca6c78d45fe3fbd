import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'app-ecommerce:server',
    environment: 'node',
    include: ['bin/**/*.test.ts', 'core/**/*.test.ts'],
    testTimeout: 60_000,
  },
});

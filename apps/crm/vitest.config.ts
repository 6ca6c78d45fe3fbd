import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'app-crm:server',
          environment: 'node',
          include: ['bin/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'apps/*/vitest.config.ts',
      'framework/*/vitest.config.ts',
      'resources/vitest.config.ts',
      'tools/vitest.config.ts',
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'apps/*/vitest.{server,web}.config.ts',
      'cortex/vitest.{server,web}.config.ts',
      'framework/*/vitest.config.ts',
      'resources/vitest.config.ts',
      'tools/vitest.config.ts',
      'tools/fuzz/vitest.config.ts',
      'e2e/vitest.config.ts',
    ],
  },
});

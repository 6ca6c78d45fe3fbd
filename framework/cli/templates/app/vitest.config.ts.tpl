import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'app-{{name}}:server', environment: 'node', include: ['bin/**/*.test.ts'], testTimeout: 30_000 } },
      {
        plugins: [react()],
        test: { name: 'app-{{name}}:web', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
      },
    ],
  },
});

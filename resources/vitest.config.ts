import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    // component tests beside the components; the gallery's axe check runs in Node (it sets its own environment)
    include: ['src/**/*.test.{ts,tsx}', 'gallery/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 30_000,
  },
});

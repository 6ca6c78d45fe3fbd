import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app's web build, rooted in src/: `npx vite apps/ecommerce/src` for development (the API
// proxied to `prefiq serve`), `prefiq serve --app ecommerce` builds it into dist/web and serves it.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

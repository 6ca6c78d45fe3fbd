import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The CRM's web build, rooted in src/: `npx vite apps/crm/src` for development (the API proxied to
// `npx nx serve app-crm`); `prefiq serve --app crm` builds it into dist/web and serves it.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

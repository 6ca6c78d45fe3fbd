import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The example standalone app: the CLI's `sales` fixture with generated pages on an in-memory API.
// `build.manifest` lets the bench measure the entry chunk and what it imports statically.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
  },
  server: { port: 5199, strictPort: false },
  preview: { port: 5198, strictPort: false },
});

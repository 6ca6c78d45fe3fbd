import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

/** A built gallery served on a free port; `close()` stops the server and deletes the build. */
export interface ServedGallery {
  url: string;
  close: () => Promise<void>;
}

/**
 * Builds the gallery with Vite into a temporary folder and serves it with `vite preview`.
 *
 * @example
 * const gallery = await serveGallery();
 * await page.goto(`${gallery.url}?theme=dark`);
 * await gallery.close();
 */
export async function serveGallery(): Promise<ServedGallery> {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const configFile = join(root, 'vite.config.ts');
  const outDir = mkdtempSync(join(tmpdir(), 'codexion-gallery-'));
  try {
    await build({ root, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      root,
      configFile,
      logLevel: 'error',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('vite preview did not report a URL');
    return {
      url,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}

import { fileURLToPath } from 'node:url';
import { build, type PreviewServer, preview } from 'vite';

/** This example's folder (its vite.config.ts sits here). */
export const exampleRoot = fileURLToPath(new URL('.', import.meta.url));

/** The repository's one Chromium helper: Debian's browser (or `CHROMIUM_PATH`), never a download. */
export { chromiumExecutablePath as chromiumPath, launchChromium } from '@codexion/tools/chromium';

/** Builds the example app for production into `example/dist`. */
export async function buildExample(): Promise<void> {
  await build({ configFile: `${exampleRoot}vite.config.ts`, logLevel: 'warn' });
}

/** Serves `example/dist` on a free local port; `url` is its origin. */
export async function previewExample(): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    configFile: `${exampleRoot}vite.config.ts`,
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

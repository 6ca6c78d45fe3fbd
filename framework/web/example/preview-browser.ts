import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';

/** This example's folder (its vite.config.ts sits here). */
export const exampleRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Chromium to drive: `CHROMIUM_PATH`, Debian's, then Playwright's own download if one exists.
 * Never downloads one (`npx playwright install` is not how this repo gets a browser).
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here; the system one is the one to use
  }
  const found = candidates.find((candidate): candidate is string =>
    Boolean(candidate && existsSync(candidate)),
  );
  if (!found) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return found;
}

/** Launches headless Chromium with the flags it needs as root in a container. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

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

import { existsSync } from 'node:fs';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/**
 * The Chromium to drive: `$CHROMIUM_PATH`, Debian's package (`/usr/bin/chromium`,
 * `/usr/bin/chromium-browser`), or a browser Playwright downloaded itself. Never downloads one:
 * `npx playwright install` is not how this repository gets a browser.
 *
 * @throws {Error} naming `apt-get install -y chromium` when there is none
 *
 * @example
 * chromiumExecutablePath() // '/usr/bin/chromium'
 */
export function chromiumExecutablePath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate !== '' && existsSync(candidate)) return candidate;
  }
  try {
    const bundled = chromium.executablePath();
    if (existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here; the system one is the one to use
  }
  throw new Error('No Chromium found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)');
}

/** The flags headless Chromium needs to run as root in a container, without phoning home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * Launches headless Chromium with {@link chromiumArgs}.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutablePath(), args: [...chromiumArgs], ...options });
}

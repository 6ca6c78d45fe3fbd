import { resolve } from 'node:path';
import { launchChromium } from '@codexion/tools/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Chromium (Debian's, or `CHROMIUM_PATH`; a clear `apt-get install -y chromium` failure when there
 * is none) with one page on the CRM, in English, at a desktop size, in a fixed time zone.
 *
 * @example
 * const { page, close } = await openBrowser(inject('crmUrl'));
 */
export async function openBrowser(
  baseURL: string,
  { width = 1440, height = 900, colorScheme = 'light' as 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const browser = await launchChromium();
  const context = await browser.newContext({
    baseURL,
    viewport: { width, height },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/**
 * The page as it was when a test failed, in `test-results/e2e/` (ignored by git): what the
 * browser showed is usually the quickest explanation.
 *
 * @example
 * afterEach(({ task }) => screenshotOnFailure(session, task));
 */
export async function screenshotOnFailure(
  session: BrowserSession | undefined,
  task: { name: string; result?: { state?: string } },
): Promise<void> {
  if (!session || task.result?.state !== 'fail') return;
  const file = `test-results/e2e/${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`;
  await session.page
    .screenshot({ path: resolve(import.meta.dirname, '../..', file), fullPage: true })
    .catch(() => undefined);
}

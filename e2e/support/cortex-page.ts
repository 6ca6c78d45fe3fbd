import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** The shell's frame: drawn once a session is signed in (the login page has none). */
export const shellSelector = '[data-slot="app-shell"]';

/**
 * Fills the sign-in form and submits it, as a person would (without waiting for what follows:
 * the shell, an error, or the two-step verification).
 *
 * @example
 * await page.goto('/login'); await fillLogin(page, inject('cortexOwner'));
 */
export async function fillLogin(page: Page, { email, password }: { email: string; password: string }) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs a browser context in through the API (the cookies land in the context), for tests about
 * something other than the sign-in page.
 *
 * @example
 * await signInByApi(session.context, owner); await page.goto('/admin/users');
 */
export async function signInByApi(
  context: BrowserContext,
  { email, password }: { email: string; password: string },
  tenantId?: string,
): Promise<void> {
  const response = await context.request.post('/api/auth/login', {
    data: { email, password, ...(tenantId === undefined ? {} : { tenantId }) },
  });
  if (!response.ok()) throw new Error(`sign-in of ${email}: ${response.status()} ${await response.text()}`);
}

/** The sidebar's navigation (the desktop one: the phone's is a sheet). */
export function sidebar(page: Page): Locator {
  return page.locator('[data-slot="app-shell-sidebar"] nav');
}

/** The tenant switcher's button in the top bar ("Tenant: Acme (demo). Switch tenant"). */
export function tenantSwitcher(page: Page): Locator {
  return page.getByRole('button', { name: /^Tenant: / });
}

/** Switches the session's tenant with the switcher's menu; waits until the switcher names it. */
export async function switchTenant(page: Page, name: string): Promise<void> {
  await tenantSwitcher(page).click();
  await page.getByRole('menuitemradio', { name }).click();
  await tenantSwitcher(page).filter({ hasText: name }).waitFor();
}

/** Opens the command palette with Ctrl+K and returns its search box. */
export async function openPalette(page: Page): Promise<Locator> {
  await page.locator(shellSelector).waitFor();
  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox');
  await input.waitFor();
  return input;
}

/** Waits until no skeleton is left on the page (the data arrived). */
export async function settled(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[data-slot="skeleton"]').length === 0, null, {
    timeout: timeoutMs,
  });
}

/**
 * Another person at another browser window: a fresh context (no cookies) of the same browser,
 * with the options `openBrowser` uses. Requests to other hosts (the test provider's page imports
 * a web font) are cut off: the suite runs offline.
 *
 * @example
 * const viewer = await newPerson(session.browser, baseUrl); … await viewer.context.close();
 */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  { colorScheme = 'light' as 'light' | 'dark', width = 1440, height = 900 } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width, height },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
  return { context, page: await context.newPage() };
}

import type { Locator, Page } from 'playwright-core';
import { CortexClient } from './cortex-api.js';
import { fillLogin } from './cortex-page.js';

/** The demo owner's login, as `prefiq serve` printed it. */
export interface CrmOwner {
  email: string;
  password: string;
}

/**
 * The standalone CRM's API as its demo owner: signed in like the sign-in page (cookie session,
 * CSRF header) — the client Cortex's tests use, the sign-in being the framework's in both.
 *
 * @example
 * const api = await crmOwnerApi(inject('crmUrl'), inject('crmOwner'));
 */
export function crmOwnerApi(baseUrl: string, owner: CrmOwner): Promise<CortexClient> {
  return CortexClient.signIn(baseUrl, owner);
}

/** A JSON call to the CRM's API as the signed-in owner, for setting up and checking what the browser did. */
export async function crmApi<T = Record<string, unknown>>(
  api: CortexClient,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const answer = await api.request<T>(method, `/api/crm${path}`, init.body);
  if (answer.status >= 400)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The first record of a list query, or undefined. */
export async function findOne(api: CortexClient, resource: string, query: string) {
  const page = await crmApi<{ items: Record<string, unknown>[] }>(api, `/${resource}?pageSize=1&${query}`);
  return page.items[0];
}

/**
 * Signs in on the CRM's sign-in page as a person would: opens the app, is sent to the sign-in
 * page, fills it, and waits for the shell.
 *
 * @example
 * await signInOnPage(session.page, inject('crmOwner'));
 */
export async function signInOnPage(page: Page, owner: CrmOwner): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await fillLogin(page, owner);
  await page.locator('[data-slot="app-shell"]').waitFor();
}

/** Picks a related record in a generated form: opens the field's picker, searches, chooses. */
export async function pickRelation(page: Page, label: string, search: string, option = search) {
  // a required field's label ends in a star: match the start
  await page.getByRole('combobox', { name: new RegExp(`^${label}\\b`) }).click();
  await page.keyboard.type(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Drags `item` onto `target` (a column beside it) with the mouse, in small steps, as a person would. */
export async function dragTo(page: Page, item: Locator, target: Locator) {
  await item.scrollIntoViewIfNeeded();
  const from = await item.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('nothing to drag, or nowhere to drop');
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  // across, at the same height: the columns stand side by side
  const end = { x: to.x + to.width / 2, y: Math.min(Math.max(start.y, to.y + 60), to.y + to.height - 20) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 15;
  for (let step = 1; step <= steps; step += 1) {
    await page.mouse.move(
      start.x + ((end.x - start.x) * step) / steps,
      start.y + ((end.y - start.y) * step) / steps,
    );
  }
  await page.mouse.up();
}

/** Waits until `read` returns something that passes `check` (what the server shows after a click). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
) {
  const started = Date.now();
  let value = await read();
  while (!check(value)) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 150));
    value = await read();
  }
  return value;
}

import type { Locator, Page } from 'playwright-core';

/** A JSON call to the CRM's API, for setting up and checking what the browser did. */
export async function crmApi<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/crm${path}`, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The first record of a list query, or undefined. */
export async function findOne(baseUrl: string, resource: string, query: string) {
  const page = await crmApi<{ items: Record<string, unknown>[] }>(
    baseUrl,
    `/${resource}?pageSize=1&${query}`,
  );
  return page.items[0];
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

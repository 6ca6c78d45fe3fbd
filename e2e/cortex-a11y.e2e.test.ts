import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CortexClient, invitePerson, tenantIdOf } from './support/cortex-api.js';
import {
  newPerson,
  openPalette,
  settled,
  shellSelector,
  sidebar,
  signInByApi,
} from './support/cortex-page.js';
import { type BrowserSession, openBrowser, screenshotOnFailure } from './support/open-browser.js';

const baseUrl = inject('cortexUrl');
const owner = inject('cortexOwner');
let sessions: Record<'light' | 'dark', BrowserSession>;
let current: BrowserSession | undefined;
/** an open invitation's link, for the public acceptance page */
let inviteLink: string;

beforeAll(async () => {
  sessions = {
    light: await openBrowser(baseUrl, { colorScheme: 'light' }),
    dark: await openBrowser(baseUrl, { colorScheme: 'dark' }),
  };
  const anywhere = await CortexClient.signIn(baseUrl, owner);
  const acme = await CortexClient.signIn(baseUrl, owner, await tenantIdOf(anywhere, 'Acme'));
  const [item] = (await acme.get<{ items: { id: string }[] }>('/api/erp/items?pageSize=1&sort=name')).items;
  itemId = item?.id ?? 'none';
  inviteLink = (
    await invitePerson(acme, { email: 'ines.invited@example.com', role: 'member', accept: false })
  ).link;
});

afterEach(({ task }) => screenshotOnFailure(current, task));

afterAll(async () => {
  await sessions?.light.close();
  await sessions?.dark.close();
});

/**
 * Serious and critical violations on the page as it is now, one line each: where, the rule, and
 * the first elements with axe's summary. The dark run checks the colour rules only: dark mode
 * changes colours and nothing else.
 */
async function violations(page: Page, label: string, scheme: 'light' | 'dark'): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (scheme === 'dark') builder.withRules(['color-contrast', 'link-in-text-block']);
  else builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  const result = await builder.analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 3)
        .map(
          (node) =>
            `${node.target.join(' ')} ${node.html.slice(0, 200)} ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
        );
      return `${label} (${scheme}): ${violation.id} (${violation.impact}) ${violation.help} — ${nodes.join(' | ')}`;
    });
}

/** The page drawn: its heading, the data (no skeleton left), transitions over. */
async function drawn(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await settled(page);
  await page.waitForTimeout(250);
}

/**
 * Every page of the shell and the administration, with the CRM mounted inside it, reached as a
 * person does: through the sidebar (no reload between them). `[section, link, url]`.
 */
const shellPages: [string | undefined, string, RegExp][] = [
  [undefined, 'Home', /\/$/],
  ['Administration', 'Users', /\/admin\/users$/],
  ['Administration', 'Roles', /\/admin\/roles$/],
  ['Administration', 'Tenants', /\/admin\/tenants$/],
  ['Administration', 'Apps', /\/admin\/apps$/],
  ['Administration', 'Settings', /\/admin\/settings$/],
  ['Administration', 'Audit log', /\/admin\/audit$/],
  ['Administration', 'System health', /\/admin\/health$/],
  ['CRM', 'Deals', /\/crm\/deals$/],
];

/** an item of the ERP's demo year, for its page (stock per warehouse, stock ledger) */
let itemId: string;

/** The ERP's dashboard, document lists, reports and an item's page (the demo year of Acme (demo)). */
const erpPages = () => [
  '/erp',
  '/erp/sales-invoices',
  '/erp/reports',
  '/erp/reports/trial-balance',
  '/erp/reports/profit-and-loss',
  '/erp/reports/balance-sheet',
  '/erp/stock-entries',
  `/erp/items/${itemId}`,
];

describe('accessibility of Cortex (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations on the login and invitation pages, ${scheme}`, async () => {
      const session = sessions[scheme];
      current = session;
      const { page } = session;
      await session.context.clearCookies();
      const found: string[] = [];
      await page.goto('/login');
      await page.getByRole('link', { name: /^Continue with / }).waitFor();
      found.push(...(await violations(page, 'login', scheme)));
      // the refusal shown
      await page.getByLabel('Email').fill(owner.email);
      await page.getByLabel('Password').fill('not-the-password-at-all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      found.push(...(await violations(page, 'login refused', scheme)));
      await page.goto(inviteLink);
      await page.getByRole('button', { name: 'Accept and sign in' }).waitFor();
      found.push(...(await violations(page, 'invitation', scheme)));
      expect(found).toEqual([]);
    });

    it(`has no serious or critical violations on the shell's and admin pages, ${scheme}`, async () => {
      const session = sessions[scheme];
      current = session;
      const { page } = session;
      await signInByApi(session.context, owner);
      await page.goto('/');
      await page.locator(shellSelector).waitFor();
      const found: string[] = [];
      for (const [section, name, url] of shellPages) {
        const links = section ? sidebar(page).getByRole('list', { name: section }) : sidebar(page);
        await links.getByRole('link', { name, exact: true }).click();
        await page.waitForURL(url);
        await drawn(page);
        found.push(...(await violations(page, new URL(page.url()).pathname, scheme)));
      }
      expect(found).toEqual([]);
    }, 150_000);

    it(`has no serious or critical violations on the ERP's main pages, ${scheme}`, async () => {
      const session = sessions[scheme];
      current = session;
      const { page } = session;
      await signInByApi(session.context, owner);
      const found: string[] = [];
      for (const path of erpPages()) {
        await page.goto(path);
        await drawn(page);
        found.push(...(await violations(page, path, scheme)));
      }
      // a sales invoice being typed: the line table, its totals and the posting preview
      await page.goto('/erp/sales-invoices/new');
      await drawn(page);
      await page.getByLabel('Description, line 1', { exact: true }).fill('Espresso machine service');
      await page.getByLabel('Quantity, line 1', { exact: true }).fill('3');
      await page.getByLabel('Unit price, line 1', { exact: true }).fill('250.00');
      await page.getByRole('region', { name: 'Posting preview: ledger rows' }).waitFor();
      found.push(...(await violations(page, 'sales invoice being typed', scheme)));
      expect(found).toEqual([]);
    }, 150_000);

    it(`has no serious or critical violations in the command palette, ${scheme}`, async () => {
      const session = sessions[scheme];
      current = session;
      const { page } = session;
      await signInByApi(session.context, owner);
      await page.goto('/');
      await drawn(page);
      const found: string[] = [];
      // while the records are searched (the search held back until the check is done)…
      let release = () => {};
      const held = new Promise<void>((done) => {
        release = done;
      });
      const searches = /\/api\/crm\/[a-z-]+\?.*\bq=/;
      await page.route(searches, async (route) => {
        await held;
        await route.continue();
      });
      const search = await openPalette(page);
      await search.fill('Arm');
      const searching = page.getByRole('status').filter({ hasText: 'Searching…' });
      await searching.waitFor();
      found.push(...(await violations(page, 'palette searching', scheme)));
      // …and with the results
      release();
      await searching.waitFor({ state: 'detached' });
      await page
        .getByRole('option', { name: /Armstrong/ })
        .first()
        .waitFor();
      found.push(...(await violations(page, 'palette results', scheme)));
      await page.keyboard.press('Escape');
      await page.unrouteAll({ behavior: 'wait' });
      expect(found).toEqual([]);
    });
  }

  it('has no serious or critical violations at phone width (the sidebar a sheet, the top bar icons)', async () => {
    const phone = await newPerson(sessions.light.browser, baseUrl, { width: 390, height: 844 });
    current = { ...sessions.light, page: phone.page };
    try {
      const { page } = phone;
      const found: string[] = [];
      await page.goto('/login');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      found.push(...(await violations(page, 'login, phone', 'light')));
      await signInByApi(phone.context, owner);
      await page.goto('/');
      await page.locator(shellSelector).waitFor();
      await drawn(page);
      found.push(...(await violations(page, 'home, phone', 'light')));
      // the navigation sheet, opened from the top bar
      await page.getByRole('button', { name: 'Toggle sidebar' }).first().click();
      await page.getByRole('dialog').getByRole('link', { name: 'Deals' }).waitFor();
      await page.waitForTimeout(300);
      found.push(...(await violations(page, 'navigation sheet, phone', 'light')));
      expect(found).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});

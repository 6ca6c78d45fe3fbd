import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CortexClient } from './support/cortex-api.js';
import { signInByApi } from './support/cortex-page.js';
import { crmOwnerApi, findOne } from './support/crm-page.js';
import { type BrowserSession, openBrowser, screenshotOnFailure } from './support/open-browser.js';

const baseUrl = inject('crmUrl');
const owner = inject('crmOwner');
let sessions: Record<'light' | 'dark', BrowserSession>;
let current: BrowserSession | undefined;
let api: CortexClient;

beforeAll(async () => {
  // not signed in yet: each run checks the sign-in page first
  sessions = {
    light: await openBrowser(baseUrl, { colorScheme: 'light' }),
    dark: await openBrowser(baseUrl, { colorScheme: 'dark' }),
  };
  api = await crmOwnerApi(baseUrl, owner);
});

afterEach(({ task }) => screenshotOnFailure(current, task));

afterAll(async () => {
  await sessions?.light.close();
  await sessions?.dark.close();
});

/**
 * The main pages, each with what shows it is drawn (data loaded, not a skeleton) and whether the
 * dark run checks it too (the pages with the most colours: charts, board, status banners).
 */
async function mainPages(): Promise<[string, string, boolean?][]> {
  const deal = await findOne(api, 'deals', 'filter[status][eq]=open&filter[amount][gt]=0');
  const company = await findOne(api, 'companies', 'sort=name');
  const lead = await findOne(api, 'people', 'filter[companyId][isNull]=true');
  return [
    ['/', '[data-slot="kpi"]', true],
    ['/deals/board', '[data-slot="kanban-card"]', true],
    ['/deals', 'table tbody tr'],
    [`/deals/${deal?.id}`, '[data-slot="deal-stage-bar"]', true],
    ['/companies', 'table tbody tr', true],
    [`/companies/${company?.id}`, '[data-slot="activity-timeline"]'],
    ['/people', 'table tbody tr'],
    [`/people/${lead?.id}`, '[data-slot="lead-notice"]', true],
    ['/activities', 'table tbody tr'],
    ['/deals/new', 'form[data-slot="schema-form"]'],
    ['/settings', 'text=Pipelines'],
  ];
}

describe('accessibility of the CRM (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations on the main pages, ${scheme}`, async () => {
      const session = sessions[scheme];
      current = session;
      const found: string[] = [];
      const scan = async (path: string) => {
        const result = await new AxeBuilder({ page: session.page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        for (const violation of result.violations) {
          if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
          const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
          found.push(
            `${path}: ${violation.id} (${violation.impact}) ${violation.help} — ${targets.join(' | ')}`,
          );
        }
      };
      // the sign-in page, before the session exists, and with a refusal on it
      await session.page.goto('/login');
      await session.page.getByRole('button', { name: 'Sign in' }).waitFor();
      await scan('/login');
      await session.page.getByLabel('Email').fill(owner.email);
      await session.page.getByLabel('Password').fill('not-the-password');
      await session.page.getByRole('button', { name: 'Sign in' }).click();
      await session.page.getByRole('alert').waitFor();
      await scan('/login (refused)');
      await signInByApi(session.context, owner);
      // dark mode changes colours only: its contrast is checked on the pages with the most of them
      const pages = await mainPages();
      const checked = scheme === 'light' ? pages : pages.filter(([, , dark]) => dark);
      for (const [path, ready] of checked) {
        await session.page.goto(path);
        await session.page.locator(ready).first().waitFor();
        // the top bar's actions load after the page: scan them too
        await session.page.locator('[data-slot="record-search-trigger"]').waitFor();
        await scan(path);
      }
      expect(found).toEqual([]);
    }, 150_000);
  }
});

import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { findOne } from './support/crm-page.js';
import { type BrowserSession, openBrowser, screenshotOnFailure } from './support/open-browser.js';

const baseUrl = inject('crmUrl');
let sessions: Record<'light' | 'dark', BrowserSession>;
let current: BrowserSession | undefined;

beforeAll(async () => {
  sessions = {
    light: await openBrowser(baseUrl, { colorScheme: 'light' }),
    dark: await openBrowser(baseUrl, { colorScheme: 'dark' }),
  };
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
  const deal = await findOne(baseUrl, 'deals', 'filter[status][eq]=open&filter[amount][gt]=0');
  const company = await findOne(baseUrl, 'companies', 'sort=name');
  const lead = await findOne(baseUrl, 'people', 'filter[companyId][isNull]=true');
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
      // dark mode changes colours only: its contrast is checked on the pages with the most of them
      const pages = await mainPages();
      const checked = scheme === 'light' ? pages : pages.filter(([, , dark]) => dark);
      for (const [path, ready] of checked) {
        await session.page.goto(path);
        await session.page.locator(ready).first().waitFor();
        // the top bar's actions load after the page: scan them too
        await session.page.locator('[data-slot="record-search-trigger"]').waitFor();
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
      }
      expect(found).toEqual([]);
    }, 150_000);
  }
});

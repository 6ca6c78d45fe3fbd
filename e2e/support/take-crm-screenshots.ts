import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openBrowser } from './open-browser.js';
import { type RunningCrm, startCrm, workspaceRoot } from './start-crm.js';

/**
 * Screenshots of every CRM page, light and dark, desktop and narrow, into
 * `apps/crm/src/screenshots/`: what a person sees, to look at after a UI change.
 *
 *   node --import tsx e2e/support/take-crm-screenshots.ts [--url http://127.0.0.1:3000] [--only dashboard]
 */
const args = process.argv.slice(2);
const given = args.includes('--url') ? args[args.indexOf('--url') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const outDir = join(workspaceRoot, 'apps/crm/src/screenshots');

interface Shot {
  name: string;
  /** where to go: a path, or a function that finds it (a record's page) */
  path: string | ((base: string) => Promise<string>);
  /** what to wait for before the picture */
  ready: string;
  /** something to do first (open a dialog) */
  act?: (page: import('playwright-core').Page) => Promise<void>;
  fullPage?: boolean;
  /** also at phone width (the pages whose layout changes most) */
  narrow?: boolean;
}

async function firstId(base: string, resource: string, query = ''): Promise<string> {
  const response = await fetch(`${base}/api/crm/${resource}?pageSize=1${query}`);
  const body = (await response.json()) as { items: { id: string }[] };
  const id = body.items[0]?.id;
  if (!id) throw new Error(`no ${resource} to show`);
  return id;
}

const shots: Shot[] = [
  { name: 'dashboard', narrow: true, path: '/', ready: '[data-slot="kpi"]', fullPage: true },
  { name: 'pipeline', narrow: true, path: '/deals/board', ready: '[data-slot="kanban-card"]' },
  { name: 'deals', path: '/deals', ready: 'table tbody tr' },
  {
    name: 'deal',
    narrow: true,
    path: async (base) =>
      `/deals/${await firstId(base, 'deals', '&filter[status][eq]=open&filter[amount][gt]=0&sort=-amount')}`,
    ready: '[data-slot="timeline-item"]',
    fullPage: true,
  },
  {
    name: 'deal-lose',
    path: async (base) =>
      `/deals/${await firstId(base, 'deals', '&filter[status][eq]=open&filter[amount][gt]=0&sort=-amount')}`,
    ready: '[data-slot="deal-stage-bar"]',
    act: async (page) => {
      await page.getByRole('button', { name: 'Lost', exact: true }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'companies', path: '/companies', ready: 'table tbody tr' },
  {
    name: 'company',
    path: async (base) => `/companies/${await firstId(base, 'companies', '&sort=name')}`,
    ready: '[data-slot="activity-timeline"]',
    fullPage: true,
  },
  { name: 'people', narrow: true, path: '/people', ready: 'table tbody tr' },
  {
    name: 'lead',
    path: async (base) =>
      `/people/${await firstId(base, 'people', '&filter[companyId][isNull]=true&sort=name')}`,
    ready: '[data-slot="lead-notice"]',
    fullPage: true,
  },
  {
    name: 'lead-convert',
    narrow: true,
    path: async (base) =>
      `/people/${await firstId(base, 'people', '&filter[companyId][isNull]=true&sort=name')}`,
    ready: '[data-slot="lead-notice"]',
    act: async (page) => {
      await page.getByRole('button', { name: 'Convert lead' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'person-merge',
    path: async (base) => `/people/${await firstId(base, 'people', '&sort=lastName')}`,
    ready: '[data-slot="activity-timeline"]',
    act: async (page) => {
      await page.getByRole('button', { name: 'Merge duplicates' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(600);
    },
  },
  { name: 'activities', path: '/activities', ready: 'table tbody tr' },
  {
    name: 'search',
    path: '/',
    ready: '[data-slot="kpi"]',
    act: async (page) => {
      await page.locator('[data-slot="record-search-trigger"]').waitFor();
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog').getByRole('combobox').fill('ro');
      await page.locator('[cmdk-item]').first().waitFor();
    },
  },
  {
    name: 'quick-add',
    narrow: true,
    path: '/',
    ready: '[data-slot="kpi"]',
    act: async (page) => {
      await page.getByRole('button', { name: 'Add activity' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'settings', path: '/settings', ready: 'text=Pipelines' },
  { name: 'deal-new', path: '/deals/new', ready: 'form[data-slot="schema-form"]', fullPage: true },
];

const variants = [
  { label: 'light', colorScheme: 'light' as const, width: 1440, height: 900 },
  { label: 'dark', colorScheme: 'dark' as const, width: 1440, height: 900 },
  { label: 'narrow-light', colorScheme: 'light' as const, width: 390, height: 844 },
  { label: 'narrow-dark', colorScheme: 'dark' as const, width: 390, height: 844 },
];

const crm: RunningCrm | undefined = given ? undefined : await startCrm();
const base = given ?? crm?.url ?? '';
await mkdir(outDir, { recursive: true });
try {
  for (const variant of variants) {
    const session = await openBrowser(base, variant);
    try {
      const phone = variant.width < 600;
      for (const shot of shots.filter(
        (candidate) => (!only || candidate.name === only) && (!phone || candidate.narrow),
      )) {
        const path = typeof shot.path === 'string' ? shot.path : await shot.path(base);
        await session.page.goto(path);
        await session.page.locator(shot.ready).first().waitFor();
        await shot.act?.(session.page);
        // charts and lazy chunks settle
        await session.page.waitForTimeout(400);
        const file = join(outDir, `${shot.name}-${variant.label}.png`);
        // a long page is shot in a window as tall as it, so the fixed sidebar reaches the bottom
        const tall = shot.fullPage && variant.width > 600;
        if (tall) {
          const height = await session.page.evaluate(() => document.documentElement.scrollHeight);
          await session.page.setViewportSize({ width: variant.width, height: Math.min(height, 2400) });
          await session.page.waitForTimeout(300);
        }
        await session.page.screenshot({ path: file });
        if (tall) await session.page.setViewportSize({ width: variant.width, height: variant.height });
        console.log(`✓ ${file}`);
      }
    } finally {
      await session.close();
    }
  }
} finally {
  await crm?.stop();
}

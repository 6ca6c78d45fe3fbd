import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CortexClient } from './cortex-api.js';
import { signInByApi } from './cortex-page.js';
import { type CrmOwner, crmOwnerApi } from './crm-page.js';
import { openBrowser } from './open-browser.js';
import { type RunningCrm, startCrm, workspaceRoot } from './start-crm.js';

/**
 * Screenshots of every CRM page, light and dark, desktop and narrow, into
 * `apps/crm/src/screenshots/`: what a person sees, to look at after a UI change. The sign-in page
 * first, then the rest signed in as the demo owner (the login `prefiq serve` printed; with `--url`,
 * give it as `--login <email>/<password>`).
 *
 *   node --import tsx e2e/support/take-crm-screenshots.ts [--url http://127.0.0.1:3000 --login owner@acme.example/…] [--only dashboard,sign-in]
 */
const args = process.argv.slice(2);
const given = args.includes('--url') ? args[args.indexOf('--url') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.split(',') : undefined;
const givenLogin = args.includes('--login') ? args[args.indexOf('--login') + 1] : undefined;
const outDir = join(workspaceRoot, 'apps/crm/src/screenshots');

interface Shot {
  name: string;
  /** where to go: a path, or a function that finds it (a record's page) */
  path: string | (() => Promise<string>);
  /** what to wait for before the picture */
  ready: string;
  /** something to do first (open a dialog) */
  act?: (page: import('playwright-core').Page) => Promise<void>;
  fullPage?: boolean;
  /** also at phone width (the pages whose layout changes most) */
  narrow?: boolean;
  /** before signing in (the sign-in page) */
  anonymous?: boolean;
}

/** The owner at the API, once signed in: the record pages' ids are looked up with it. */
let api: CortexClient | undefined;

async function firstId(resource: string, query = ''): Promise<string> {
  if (!api) throw new Error('not signed in');
  const answer = await api.request<{ items: { id: string }[] }>(
    'GET',
    `/api/crm/${resource}?pageSize=1${query}`,
  );
  const id = answer.body.items?.[0]?.id;
  if (!id) throw new Error(`no ${resource} to show`);
  return id;
}

const shots: Shot[] = [
  { name: 'sign-in', narrow: true, anonymous: true, path: '/login', ready: 'form input[name="email"]' },
  {
    name: 'sign-in-refused',
    anonymous: true,
    path: '/login',
    ready: 'form input[name="email"]',
    act: async (page) => {
      await page.getByLabel('Email').fill('owner@acme.example');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    },
  },
  { name: 'dashboard', narrow: true, path: '/', ready: '[data-slot="kpi"]', fullPage: true },
  { name: 'pipeline', narrow: true, path: '/deals/board', ready: '[data-slot="kanban-card"]' },
  { name: 'deals', path: '/deals', ready: 'table tbody tr' },
  {
    name: 'deal',
    narrow: true,
    path: async () =>
      `/deals/${await firstId('deals', '&filter[status][eq]=open&filter[amount][gt]=0&sort=-amount')}`,
    ready: '[data-slot="timeline-item"]',
    fullPage: true,
  },
  {
    name: 'deal-lose',
    path: async () =>
      `/deals/${await firstId('deals', '&filter[status][eq]=open&filter[amount][gt]=0&sort=-amount')}`,
    ready: '[data-slot="deal-stage-bar"]',
    act: async (page) => {
      await page.getByRole('button', { name: 'Lost', exact: true }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'companies', path: '/companies', ready: 'table tbody tr' },
  {
    name: 'company',
    path: async () => `/companies/${await firstId('companies', '&sort=name')}`,
    ready: '[data-slot="activity-timeline"]',
    fullPage: true,
  },
  { name: 'people', narrow: true, path: '/people', ready: 'table tbody tr' },
  {
    name: 'lead',
    path: async () => `/people/${await firstId('people', '&filter[companyId][isNull]=true&sort=name')}`,
    ready: '[data-slot="lead-notice"]',
    fullPage: true,
  },
  {
    name: 'lead-convert',
    narrow: true,
    path: async () => `/people/${await firstId('people', '&filter[companyId][isNull]=true&sort=name')}`,
    ready: '[data-slot="lead-notice"]',
    act: async (page) => {
      await page.getByRole('button', { name: 'Convert lead' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'person-merge',
    path: async () => `/people/${await firstId('people', '&sort=lastName')}`,
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
  {
    name: 'user-menu',
    path: '/',
    ready: '[data-slot="kpi"]',
    act: async (page) => {
      await page.getByRole('button', { name: /^Account menu of / }).click();
      await page.getByRole('menu').waitFor();
    },
  },
];

const variants = [
  { label: 'light', colorScheme: 'light' as const, width: 1440, height: 900 },
  { label: 'dark', colorScheme: 'dark' as const, width: 1440, height: 900 },
  { label: 'narrow-light', colorScheme: 'light' as const, width: 390, height: 844 },
  { label: 'narrow-dark', colorScheme: 'dark' as const, width: 390, height: 844 },
];

function loginOf(text: string | undefined): CrmOwner | undefined {
  const at = text?.indexOf('/') ?? -1;
  return text && at > 0 ? { email: text.slice(0, at), password: text.slice(at + 1) } : undefined;
}

const crm: RunningCrm | undefined = given ? undefined : await startCrm();
const base = given ?? crm?.url ?? '';
const owner = crm?.owner ?? loginOf(givenLogin);
if (!owner) throw new Error('with --url, give the login as --login <email>/<password>');
await mkdir(outDir, { recursive: true });
try {
  api = await crmOwnerApi(base, owner);
  for (const variant of variants) {
    const session = await openBrowser(base, variant);
    try {
      const phone = variant.width < 600;
      const wanted = shots.filter(
        (candidate) => (!only || only.includes(candidate.name)) && (!phone || candidate.narrow),
      );
      // the sign-in page first, while the browser has no session; then the owner signs in
      const ordered = [
        ...wanted.filter((shot) => shot.anonymous),
        ...wanted.filter((shot) => !shot.anonymous),
      ];
      let signedIn = false;
      for (const shot of ordered) {
        if (!shot.anonymous && !signedIn) {
          await signInByApi(session.context, owner);
          signedIn = true;
        }
        const path = typeof shot.path === 'string' ? shot.path : await shot.path();
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

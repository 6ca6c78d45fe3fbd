import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CortexClient, invitePerson, patchRecord, tenantIdOf } from './cortex-api.js';
import { openPalette, settled, shellSelector, signInByApi } from './cortex-page.js';
import { type RunningCortex, startCortexForE2e } from './cortex-server.js';
import { openBrowser } from './open-browser.js';
import { workspaceRoot } from './start-crm.js';

/**
 * Screenshots of every Cortex page — the login, the invitation, the home, the administration, the
 * palette and the CRM inside the shell — light and dark at desktop width, the login and the home
 * at phone width too, into `cortex/src/screenshots/`: what a person sees, to look at after a UI
 * change. Starts its own Cortex (PGlite in memory, demo data) unless given one.
 *
 *   node --import tsx e2e/support/take-cortex-screenshots.ts [--only home]
 *   node --import tsx e2e/support/take-cortex-screenshots.ts --url http://127.0.0.1:3000 --email … --password …
 */
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const given = option('--url');
const only = option('--only');
const outDir = join(workspaceRoot, 'cortex/src/screenshots');

interface Shot {
  name: string;
  /** where to go; a function for a path found at run time (an invitation link) */
  path: string | (() => string);
  /** the login and invitation pages are shot signed out */
  signedOut?: boolean;
  /** something to do before the picture (open the palette, preview a theme) */
  act?: (page: Page) => Promise<void>;
  /** taller than the window: shot in a window as tall as the page (up to 2400 px) */
  fullPage?: boolean;
  /** also at phone width */
  narrow?: boolean;
}

let inviteLink = '/invite/none';
/** a company created and renamed by the script, for a record history with a change */
let companyId = 'none';

const shots: Shot[] = [
  { name: 'login', path: '/', signedOut: true, narrow: true },
  {
    name: 'login-refused',
    path: '/login',
    signedOut: true,
    act: async (page) => {
      await page.getByLabel('Email').fill('owner@acme.example');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    },
  },
  { name: 'invitation', path: () => inviteLink, signedOut: true },
  { name: 'home', path: '/', narrow: true, fullPage: true },
  { name: 'users', path: '/admin/users', fullPage: true },
  { name: 'roles', path: '/admin/roles', fullPage: true },
  { name: 'tenants', path: '/admin/tenants' },
  { name: 'apps', path: '/admin/apps' },
  { name: 'settings', path: '/admin/settings', fullPage: true },
  {
    name: 'settings-theme-preview',
    path: '/admin/settings',
    fullPage: true,
    act: async (page) => {
      // a token override typed in: the preview follows before anything is saved
      const primary = page.getByLabel(/^primary$/i).first();
      if (await primary.isVisible().catch(() => false)) {
        await primary.fill('oklch(0.55 0.2 150)');
        await page.keyboard.press('Tab');
      }
    },
  },
  { name: 'audit', path: '/admin/audit', fullPage: true },
  { name: 'audit-history', path: () => `/admin/audit/crm.company/${companyId}`, fullPage: true },
  { name: 'health', path: '/admin/health', fullPage: true },
  { name: 'jobs', path: '/admin/jobs', fullPage: true },
  { name: 'dead-letters', path: '/admin/dead-letters' },
  { name: 'webhooks', path: '/admin/webhooks', fullPage: true, narrow: true },
  {
    name: 'palette',
    path: '/',
    act: async (page) => {
      const search = await openPalette(page);
      await search.fill('de');
      await page.locator('[cmdk-item]').first().waitFor();
      await page.waitForTimeout(600);
    },
  },
  { name: 'crm-dashboard', path: '/crm', fullPage: true },
  { name: 'crm-deals', path: '/crm/deals' },
];

const variants = [
  { label: 'light', colorScheme: 'light' as const, width: 1440, height: 900 },
  { label: 'dark', colorScheme: 'dark' as const, width: 1440, height: 900 },
  { label: 'narrow-light', colorScheme: 'light' as const, width: 390, height: 844 },
  { label: 'narrow-dark', colorScheme: 'dark' as const, width: 390, height: 844 },
];

const cortex: RunningCortex | undefined = given ? undefined : await startCortexForE2e();
const base = given ?? cortex?.url ?? '';
const owner = cortex?.owner ?? { email: option('--email') ?? '', password: option('--password') ?? '' };
await mkdir(outDir, { recursive: true });
try {
  const anywhere = await CortexClient.signIn(base, owner);
  const acme = await CortexClient.signIn(base, owner, await tenantIdOf(anywhere, 'Acme'));
  const company = await acme.post<{ id: string }>('/api/crm/companies', { name: 'Nimbus Freight' });
  await patchRecord(acme, `/api/crm/companies/${company.id}`, {
    name: 'Nimbus Freight GmbH',
    domain: 'nimbus.example',
  });
  companyId = company.id;
  // an endpoint, for the webhooks page to show one with its (empty) delivery log
  await acme.post('/api/webhooks/endpoints', {
    url: 'https://hooks.nimbus.example/codexion',
    description: 'Nimbus order sync',
    eventTypes: ['crm.deal.won', 'crm.deal.lost'],
  });
  inviteLink = (
    await invitePerson(acme, { email: `nora.new+${Date.now()}@example.com`, role: 'member', accept: false })
  ).link;
  for (const variant of variants) {
    const session = await openBrowser(base, variant);
    try {
      const phone = variant.width < 600;
      const page = session.page;
      for (const shot of shots.filter(
        (candidate) => (!only || candidate.name === only) && (!phone || candidate.narrow),
      )) {
        await session.context.clearCookies();
        if (!shot.signedOut) await signInByApi(session.context, owner);
        await page.goto(typeof shot.path === 'string' ? shot.path : shot.path());
        if (shot.signedOut) await page.locator('form').first().waitFor();
        else {
          await page.locator(shellSelector).waitFor();
          await page.locator('main h1').first().waitFor();
          await settled(page);
        }
        await shot.act?.(page);
        // charts, lazy chunks and transitions settle
        await page.waitForTimeout(500);
        const file = join(outDir, `${shot.name}-${variant.label}.png`);
        const tall = shot.fullPage && !phone;
        if (tall) {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({
            width: variant.width,
            height: Math.min(Math.max(height, variant.height), 2400),
          });
          await page.waitForTimeout(300);
        }
        await page.screenshot({ path: file });
        if (tall) await page.setViewportSize({ width: variant.width, height: variant.height });
        console.log(`✓ ${file}`);
      }
    } finally {
      await session.close();
    }
  }
} finally {
  await cortex?.stop();
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CortexClient, tenantIdOf } from './cortex-api.js';
import { settled, shellSelector, signInByApi } from './cortex-page.js';
import { type RunningCortex, startCortexForE2e } from './cortex-server.js';
import { openBrowser } from './open-browser.js';
import { workspaceRoot } from './start-crm.js';

/**
 * Screenshots of the ERP's main pages inside Cortex — the finance dashboard, a sales invoice being
 * typed with its totals and posting preview, the trial balance, the balance sheet and an item's
 * stock ledger — light and dark, at desktop and phone width, into `apps/erp/src/screenshots/`:
 * what an accountant sees of the demo year (Nordwind Handel GmbH in Acme (demo)), to look at
 * after a UI change — and the company setup that takes the dashboard's place in Globex, whose
 * company nobody has set up. Starts its own Cortex (PGlite in memory, demo data) unless given one.
 *
 *   node --import tsx e2e/support/take-erp-screenshots.ts [--only dashboard]
 *   node --import tsx e2e/support/take-erp-screenshots.ts --url http://127.0.0.1:3000 --email … --password …
 */
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const given = option('--url');
const only = option('--only');
const outDir = join(workspaceRoot, 'apps/erp/src/screenshots');

interface Shot {
  name: string;
  /** where to go; a function for a path found at run time (an item's page) */
  path: string | (() => string);
  /** something to do before the picture (type an invoice) */
  act?: (page: Page) => Promise<void>;
  /** the demo tenant it is taken in: Acme unless said */
  tenant?: 'Globex';
}

/** a demo item's page (the first by name), for its stock per warehouse and stock ledger */
let itemPath = '/erp/items';
/** a customer of the demo year, for the invoice being typed */
let customerName = '';

/** Types a sales invoice of two lines, as far as the totals and the posting preview show it. */
async function typeInvoice(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: /^Customer/ }).click();
  await page.keyboard.type(customerName.slice(0, 6));
  await page.getByRole('option', { name: customerName }).first().click();
  await page.getByRole('button', { name: /^Posting date/ }).click();
  await page.getByRole('button', { name: /^Today, / }).click();
  await page.getByRole('button', { name: /^Due date/ }).click();
  await page.getByRole('button', { name: /^Today, / }).click();
  await page.getByRole('textbox', { name: /^Currency/ }).fill('EUR');
  await page.getByRole('textbox', { name: /^Reference/ }).fill('PO 81120');
  const lines: [string, string, string, string][] = [
    ['Espresso beans 1 kg', '40', '24.70', '7'],
    ['Espresso machine service', '1', '180.00', '19'],
  ];
  for (const [index, [description, qty, price, tax]] of lines.entries()) {
    const line = index + 1;
    // a new document starts with one line
    if (line > 1) await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel(`Description, line ${line}`, { exact: true }).fill(description);
    await page.getByLabel(`Quantity, line ${line}`, { exact: true }).fill(qty);
    await page.getByLabel(`Unit price, line ${line}`, { exact: true }).fill(price);
    await page.getByLabel(`Tax, line ${line}`, { exact: true }).fill(tax);
  }
  await page
    .getByRole('region', { name: 'Posting preview: ledger rows' })
    .getByText('Balanced', { exact: true })
    .waitFor();
}

/** Submits the setup form without a company name: the refusal shows on its field. */
async function refuseSetup(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Set up the company' }).click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
}

const shots: Shot[] = [
  { name: 'dashboard', path: '/erp' },
  { name: 'company-setup', path: '/erp', tenant: 'Globex', act: refuseSetup },
  { name: 'invoice-form', path: '/erp/sales-invoices/new', act: typeInvoice },
  { name: 'trial-balance', path: '/erp/reports/trial-balance' },
  { name: 'balance-sheet', path: '/erp/reports/balance-sheet' },
  { name: 'stock-ledger', path: () => itemPath },
];

const variants = [
  { label: 'light', colorScheme: 'light' as const, width: 1440, height: 900 },
  { label: 'dark', colorScheme: 'dark' as const, width: 1440, height: 900 },
  { label: 'phone-light', colorScheme: 'light' as const, width: 390, height: 844 },
  { label: 'phone-dark', colorScheme: 'dark' as const, width: 390, height: 844 },
];

const cortex: RunningCortex | undefined = given ? undefined : await startCortexForE2e();
const base = given ?? cortex?.url ?? '';
const owner = cortex?.owner ?? { email: option('--email') ?? '', password: option('--password') ?? '' };
await mkdir(outDir, { recursive: true });
try {
  const anywhere = await CortexClient.signIn(base, owner);
  const acmeId = await tenantIdOf(anywhere, 'Acme');
  const globexId = await tenantIdOf(anywhere, 'Globex');
  const acme = await CortexClient.signIn(base, owner, acmeId);
  const [customer] = (
    await acme.get<{ items: { name: string }[] }>(
      '/api/erp/parties?filter[kind]=customer&pageSize=1&sort=name',
    )
  ).items;
  customerName = customer?.name ?? '';
  const [item] = (await acme.get<{ items: { id: string }[] }>('/api/erp/items?pageSize=1&sort=name')).items;
  if (item) itemPath = `/erp/items/${item.id}`;
  for (const variant of variants) {
    const session = await openBrowser(base, variant);
    try {
      const page = session.page;
      let signedInTo: string | undefined;
      for (const shot of shots.filter((candidate) => !only || candidate.name === only)) {
        const tenantId = shot.tenant === 'Globex' ? globexId : acmeId;
        if (signedInTo !== tenantId) await signInByApi(session.context, owner, tenantId);
        signedInTo = tenantId;
        await page.goto(typeof shot.path === 'string' ? shot.path : shot.path());
        await page.locator(shellSelector).waitFor();
        await page.locator('main h1').first().waitFor();
        await settled(page);
        await shot.act?.(page);
        // charts, lazy chunks and transitions settle
        await page.waitForTimeout(500);
        const file = join(outDir, `${shot.name}-${variant.label}.png`);
        // the whole page: in a window as tall as it (up to 2400 px), so nothing hides below the fold
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({
          width: variant.width,
          height: Math.min(Math.max(height, variant.height), 2400),
        });
        await page.waitForTimeout(300);
        await page.screenshot({ path: file });
        await page.setViewportSize({ width: variant.width, height: variant.height });
        console.log(`✓ ${file}`);
      }
    } finally {
      await session.close();
    }
  }
} finally {
  await cortex?.stop();
}

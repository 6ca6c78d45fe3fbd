import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CortexClient, tenantIdOf } from './support/cortex-api.js';
import { signInByApi } from './support/cortex-page.js';
import { eventually } from './support/crm-page.js';
import { type BrowserSession, openBrowser, screenshotOnFailure } from './support/open-browser.js';

const baseUrl = inject('cortexUrl');
const owner = inject('cortexOwner');
let session: BrowserSession;
let page: Page;
/** the owner at the ERP's API in Acme (demo), for setting up and checking what the pages did */
let acme: CortexClient;
/** the customer the invoice is for, and the item that is received and issued */
let customer: { id: string; name: string };
let item: { id: string; name: string; sku: string };
let warehouse: { id: string; name: string };
let bankAccount: { id: string; name: string };
/** the invoice flow 1 posts, which flow 2 pays in part */
let invoice: { id: string; number: string };

interface List<T> {
  items: T[];
}
interface Named {
  id: string;
  name: string;
}
interface OpenItem {
  voucherId: string;
  balance: number;
}
interface StockBalance {
  items: { itemId: string; warehouseId: string; qty: number; value: number }[];
}

beforeAll(async () => {
  session = await openBrowser(baseUrl);
  page = session.page;
  const anywhere = await CortexClient.signIn(baseUrl, owner);
  const acmeId = await tenantIdOf(anywhere, 'Acme');
  acme = await CortexClient.signIn(baseUrl, owner, acmeId);
  await signInByApi(session.context, owner, acmeId);
  // the demo year sets the company of Acme (demo) up (Nordwind Handel GmbH, EUR, 2026): the
  // flows add to its books and compare figures before and after
  const [settings] = (await acme.get<List<{ bankAccountId: string }>>('/api/erp/company-settings')).items;
  if (!settings) throw new Error('the ERP demo seed set no company up in Acme (demo)');
  bankAccount = await acme.get<Named>(`/api/erp/accounts/${settings.bankAccountId}`);
  const customers = await acme.get<List<Named>>(
    '/api/erp/parties?filter[kind]=customer&pageSize=1&sort=name',
  );
  const [first] = customers.items;
  if (!first) throw new Error('the demo tenant has no customer');
  customer = first;
  const [store] = (await acme.get<List<Named>>('/api/erp/warehouses?pageSize=1&sort=name')).items;
  if (!store) throw new Error('the demo tenant has no warehouse');
  warehouse = store;
  // an item of its own, so its stock is what this file receives and issues
  const run = Date.now().toString(36).slice(-5).toUpperCase();
  item = await acme.post<Named & { sku: string }>('/api/erp/items', {
    sku: `E2E-${run}`,
    name: `Pressure gauge ${run}`,
    uom: 'pcs',
    valuation: 'fifo',
    salePrice: 4900,
    salePriceCurrency: 'EUR',
    reorderLevel: 0,
    reorderQty: 0,
  });
});

afterEach(({ task }) => screenshotOnFailure(session, task));

afterAll(async () => {
  await session?.close();
});

/** Minor units of a figure as the page shows it: "€62,228.00" → 6222800, "-€5.00" → -500. */
function minorUnits(text: string | null): number {
  const digits = (text ?? '').replace(/[^0-9-]/g, '');
  if (!/^-?\d+$/.test(digits)) throw new Error(`not an amount: ${text}`);
  return Number(digits);
}

/** The finance dashboard's receivables figure, in minor units, once the page has drawn it. */
async function dashboardReceivables(): Promise<number> {
  await page.goto('/erp');
  const card = page.locator('[data-slot="kpi"]').filter({
    has: page.getByRole('heading', { name: 'Receivables', exact: true }),
  });
  return minorUnits(await card.getByRole('paragraph').first().textContent());
}

/** The Sales account's figure on the profit-and-loss page (this year to today). */
async function salesIncome(): Promise<number> {
  await page.goto('/erp/reports/profit-and-loss');
  const row = page.getByRole('table', { name: 'Income' }).getByRole('row', { name: /^\d+ Sales €/ });
  return minorUnits(await row.getByRole('link').textContent());
}

/** The rows of a table as a person reads them, each a line of its cells' text. */
async function rowTexts(table: Locator): Promise<string[]> {
  return (await table.getByRole('row').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
}

/** Picks a record in a relation picker (a form field or a line cell) by searching for it. */
async function pick(picker: Locator, search: string, option: string | RegExp = search): Promise<void> {
  await picker.click();
  await page.keyboard.type(search);
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** Picks today in a date field's calendar. */
async function today(field: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${field}`) }).click();
  await page.getByRole('button', { name: /^Today, / }).click();
}

/** Chooses an option of a select field (kind, direction). */
async function choose(field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${field}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A line cell's input, by the column and line the table names it with ("Quantity, line 1"). */
const cell = (column: string, line = 1) => page.getByLabel(`${column}, line ${line}`, { exact: true });

/**
 * The first line of a new document's table, by one of its cells: a new invoice or stock entry
 * starts with one, a payment's allocations with none (then "Add line" makes it).
 */
async function firstLine(column: string): Promise<void> {
  await page.getByRole('button', { name: 'Add line' }).waitFor();
  if ((await cell(column).count()) === 0) await page.getByRole('button', { name: 'Add line' }).click();
}

/** Saves the new document, posts it from its detail page (confirming) and returns its number. */
async function createAndPost(entity: string): Promise<{ id: string; number: string }> {
  await page.getByRole('button', { name: `Create ${entity}` }).click();
  await page.waitForURL(/\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop() ?? '';
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.getByRole('dialog', { name: `Post ${entity}?` }).waitFor();
  await page.getByRole('button', { name: 'Post to ledger' }).click();
  // posted: the number given, the status shown, and Cancel offered instead of Post
  await page.getByRole('button', { name: 'Cancel document' }).waitFor();
  const status = page.getByRole('term').filter({ hasText: /^Status$/ });
  expect(await status.locator('xpath=following-sibling::dd[1]').textContent()).toBe('Posted');
  const number = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  return { id, number };
}

describe('the ERP in Chromium inside Cortex', () => {
  it('creates a sales invoice with live totals and a posting preview, posts it; receivables and the P&L follow', async () => {
    const receivablesBefore = await dashboardReceivables();
    const salesBefore = await salesIncome();

    await page.goto('/erp');
    await page.getByRole('link', { name: 'Sales invoices', exact: true }).first().click();
    await page.getByRole('link', { name: /^New Sales invoice/ }).click();
    await page.getByRole('heading', { level: 1, name: 'New Sales invoice' }).waitFor();
    await pick(page.getByRole('combobox', { name: /^Customer/ }), customer.name.slice(0, 6), customer.name);
    await today('Posting date');
    await today('Due date');
    await page.getByRole('textbox', { name: /^Currency/ }).fill('EUR');
    await page.getByRole('textbox', { name: /^Reference/ }).fill('E2E order 1');
    await cell('Description').fill('Espresso machine service');
    await cell('Quantity').fill('3');
    await cell('Unit price').fill('250.00');
    await cell('Tax').fill('19');

    // the totals follow the typing: 3 × 250.00 = 750.00 net, 19 % tax
    const lines = page.locator('[data-slot="line-items"]');
    const total = (term: string) => lines.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) });
    await expect
      .poll(() => total('Total').locator('xpath=following-sibling::dd[1]').textContent())
      .toBe('€892.50');
    expect(await total('Net').locator('xpath=following-sibling::dd[1]').textContent()).toBe('€750.00');
    expect(await total('Tax').locator('xpath=following-sibling::dd[1]').textContent()).toBe('€142.50');
    // the preview: the customer's receivable against sales and output tax, balanced
    const preview = page.getByRole('region', { name: 'Posting preview: ledger rows' });
    await preview.getByText('Balanced', { exact: true }).waitFor();
    const rows = await preview.getByRole('row').allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'Account Party Debit Credit',
      `Accounts receivable ${customer.name} €892.50`,
      'Sales €750.00',
      'Output tax €142.50',
      'Total €892.50 €892.50',
    ]);

    invoice = await createAndPost('Sales invoice');
    expect(invoice.number).toMatch(/^SINV-\d{4}-\d+$/);

    expect(await dashboardReceivables()).toBe(receivablesBefore + 89250);
    expect(await salesIncome()).toBe(salesBefore + 75000);
  });

  it('receives a payment for part of the invoice; its open amount and the receivables drop by it', async () => {
    const receivablesBefore = await dashboardReceivables();

    await page.goto('/erp/payments/new');
    await page.getByRole('heading', { level: 1, name: 'New Payment' }).waitFor();
    await choose('Direction', 'Received');
    await pick(page.getByRole('combobox', { name: /^Party/ }), customer.name.slice(0, 6), customer.name);
    await today('Posting date');
    await page.getByRole('textbox', { name: /^Amount/ }).fill('500.00');
    await page.getByRole('textbox', { name: /^Currency/ }).fill('EUR');
    await pick(page.getByRole('combobox', { name: /^Bank account/ }), bankAccount.name);
    await firstLine('Invoice');
    await pick(cell('Invoice'), invoice.number);
    await cell('Amount').fill('500.00');
    await page.getByText('Within the payment', { exact: true }).waitFor();
    await createAndPost('Payment');

    const open = await acme.get<List<OpenItem>>(`/api/erp/open-items?partyId=${customer.id}&kind=receivable`);
    expect(open.items.find((entry) => entry.voucherId === invoice.id)?.balance).toBe(89250 - 50000);
    expect(await dashboardReceivables()).toBe(receivablesBefore - 50000);
  });

  it('receives stock of an item and issues part of it; the stock balance holds quantity and value', async () => {
    const stockOf = async () =>
      (await acme.get<StockBalance>(`/api/erp/reports/stock-balance?itemId=${item.id}`)).items.find(
        (row) => row.warehouseId === warehouse.id,
      );

    // a receipt of 10 at 12.50 into the warehouse
    await page.goto('/erp/stock-entries/new');
    await page.getByRole('heading', { level: 1, name: 'New Stock entry' }).waitFor();
    await choose('Kind', 'Receipt');
    await today('Posting date');
    await pick(cell('Item'), item.name);
    await pick(cell('To warehouse'), warehouse.name);
    await cell('Quantity').fill('10');
    await cell('Unit cost').fill('12.50');
    await createAndPost('Stock entry');
    expect(await stockOf()).toMatchObject({ qty: 10, value: 12500 });

    // an issue of 4 from it: FIFO takes 4 × 12.50 out
    await page.goto('/erp/stock-entries/new');
    await choose('Kind', 'Issue');
    await today('Posting date');
    await pick(cell('Item'), item.name);
    await pick(cell('From warehouse'), warehouse.name);
    await cell('Quantity').fill('4');
    await createAndPost('Stock entry');
    expect(await stockOf()).toMatchObject({ qty: 6, value: 7500 });

    // the item's page: its stock per warehouse and its stock ledger, move by move
    await page.goto(`/erp/items/${item.id}`);
    await page.getByRole('heading', { level: 1, name: item.name }).waitFor();
    const perWarehouse = page.getByRole('table', { name: 'Stock per warehouse' });
    await perWarehouse.getByRole('row', { name: new RegExp(`^${warehouse.name} `) }).waitFor();
    expect(await rowTexts(perWarehouse)).toEqual([
      'Warehouse Quantity Value',
      `${warehouse.name} 6 €75.00`,
      'Total 6 €75.00',
    ]);
    const ledger = page.getByRole('table', { name: 'Stock ledger' });
    await ledger.getByRole('row').nth(2).waitFor();
    const moves = (await rowTexts(ledger))
      .slice(1)
      .map((row) => row.replace(/^\S+ \d+, \d{4} STE-\d{4}-\d+ /, ''));
    expect(moves).toEqual([
      `${warehouse.name} +10 10 €12.50 €125.00 €125.00`,
      `${warehouse.name} -4 6 €12.50 -€50.00 €75.00`,
    ]);
  });

  it('says in words why a document cannot be posted: more issued than in stock, debits not equal to credits', async () => {
    // an issue of 100 where 6 are: the server refuses the post and names the line
    await page.goto('/erp/stock-entries/new');
    await choose('Kind', 'Issue');
    await today('Posting date');
    await pick(cell('Item'), item.name);
    await pick(cell('From warehouse'), warehouse.name);
    await cell('Quantity').fill('100');
    await page.getByRole('button', { name: 'Create Stock entry' }).click();
    await page.waitForURL(/\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('button', { name: 'Post to ledger' }).click();
    const refusal = page.getByRole('alertdialog', { name: 'Stock entry cannot be posted' });
    await refusal.waitFor();
    expect(await refusal.getByRole('listitem').allTextContents()).toEqual([
      `Lines · 1 · Quantity: ${item.sku} (${item.name}): 6 on hand in ${warehouse.name}, 100 to take out`,
    ]);
    await refusal.getByRole('button', { name: 'Close' }).first().click();
    // nothing moved
    await eventually(
      () => acme.get<StockBalance>(`/api/erp/reports/stock-balance?itemId=${item.id}`),
      (balance) => balance.items.some((row) => row.qty === 6 && row.value === 7500),
    );

    // a journal entry whose debits and credits differ: the page says so before it is saved
    await page.goto('/erp/journal-entries/new');
    await page.getByRole('heading', { level: 1, name: 'New Journal entry' }).waitFor();
    await today('Posting date');
    await page.getByRole('textbox', { name: /^Currency/ }).fill('EUR');
    await page.getByRole('button', { name: 'Add line' }).click();
    await pick(cell('Account', 1), bankAccount.name);
    await cell('Debit', 1).fill('100.00');
    await pick(cell('Account', 2), 'Sales');
    await cell('Credit', 2).fill('90.00');
    const preview = page.getByRole('region', { name: 'Posting preview: ledger rows' });
    await preview.getByText('Off by €10.00').waitFor();
    await page.getByRole('button', { name: 'Create Journal entry' }).click();
    await page.getByRole('alert').filter({ hasText: 'Debits must equal credits' }).waitFor();
    expect(page.url()).toMatch(/\/erp\/journal-entries\/new$/);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { crmApi, dragTo, eventually, findOne, pickRelation } from './support/crm-page.js';
import { type BrowserSession, openBrowser, screenshotOnFailure } from './support/open-browser.js';

const baseUrl = inject('crmUrl');
let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser(baseUrl);
});

afterEach(({ task }) => screenshotOnFailure(session, task));

afterAll(async () => {
  await session?.close();
});

/** "21 won of 51 closed in the last 90 days" on the dashboard, as numbers. */
async function winRateCounts() {
  const { page } = session;
  await page.goto('/');
  const hint = page.locator('[data-slot="kpi"]', { hasText: 'Win rate' }).locator('p').last();
  const text = (await hint.textContent()) ?? '';
  const match = /(\d+) won of (\d+) closed/.exec(text);
  if (!match) throw new Error(`no win rate on the dashboard: "${text}"`);
  return { won: Number(match[1]), closed: Number(match[2]) };
}

describe('the standalone CRM in Chromium', () => {
  it('creates a company, a person and a deal, drags the deal across the board, wins it, and the dashboard follows', async () => {
    const { page } = session;
    const before = await winRateCounts();

    await page.goto('/companies/new');
    await page.getByLabel('Name').fill('Zeta Orbital GmbH');
    await page.getByLabel('Domain').fill('zeta-orbital.de');
    await page.getByRole('button', { name: 'Create Company' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zeta Orbital GmbH' }).waitFor();

    await page.goto('/people/new');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Quill');
    await pickRelation(page, 'Company', 'Zeta Orbital', 'Zeta Orbital GmbH');
    await page.getByRole('button', { name: 'Create Person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Quill' }).waitFor();

    await page.goto('/deals/new');
    await page.getByLabel('Title').fill('Zeta Orbital: Launch contract');
    await pickRelation(page, 'Company', 'Zeta Orbital', 'Zeta Orbital GmbH');
    await pickRelation(page, 'Primary contact', 'Quill', 'Ada Quill');
    await page.getByLabel('Value').fill('48000');
    await pickRelation(page, 'Pipeline', 'New Business');
    await pickRelation(page, 'Stage', 'Discovery');
    await page.getByRole('button', { name: 'Create Deal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zeta Orbital: Launch contract' }).waitFor();
    const deal = await findOne(baseUrl, 'deals', 'q=Launch%20contract');
    expect(deal).toMatchObject({ amount: 4_800_000, status: 'open' });
    const demo = await findOne(baseUrl, 'stages', `filter[pipelineId][eq]=${deal?.pipelineId}&q=Demo`);

    await page.goto('/deals/board');
    const card = page.getByRole('button', { name: 'Zeta Orbital: Launch contract, in Discovery' });
    await dragTo(page, card, page.getByRole('region', { name: 'Demo' }));
    await page
      .getByRole('region', { name: 'Demo' })
      .getByRole('button', { name: 'Zeta Orbital: Launch contract, in Demo' })
      .waitFor();
    await eventually(
      () => crmApi(baseUrl, `/deals/${deal?.id}`),
      (current) => current.stageId === demo?.id,
    );

    await page.getByRole('button', { name: 'Zeta Orbital: Launch contract, in Demo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zeta Orbital: Launch contract' }).waitFor();
    await page.getByRole('button', { name: 'Won', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Won on' }).waitFor();
    expect(await crmApi(baseUrl, `/deals/${deal?.id}`)).toMatchObject({ status: 'won', probability: 1 });

    await eventually(
      winRateCounts,
      (after) => after.won === before.won + 1 && after.closed === before.closed + 1,
    );
  });

  it("shows the server's own message when a rule refuses: a deal without value cannot be won", async () => {
    const { page } = session;
    const pipeline = await findOne(baseUrl, 'pipelines', 'sort=position');
    const stage = await findOne(baseUrl, 'stages', `filter[pipelineId][eq]=${pipeline?.id}&sort=position`);
    const company = await findOne(baseUrl, 'companies', 'q=Zeta');
    const deal = await crmApi(baseUrl, '/deals', {
      method: 'POST',
      body: {
        title: 'Zeta Orbital: Unpriced pilot',
        companyId: company?.id,
        pipelineId: pipeline?.id,
        stageId: stage?.id,
      },
    });
    // what the server answers, asked directly
    const refused = await fetch(`${baseUrl}/api/crm/deals/${deal.id}/win`, { method: 'POST' });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: { message: string }[] };
    const message = problem.errors[0]?.message ?? '';
    expect(message).toBe('A won deal needs a value greater than zero');

    await page.goto(`/deals/${deal.id}`);
    await page.getByRole('button', { name: 'Won', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.locator('[data-slot="refusal"]').textContent()).toBe(message);
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    // losing needs a reason: the dialog says so in the rule's words before anything is sent
    await page.getByRole('button', { name: 'Lost', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as lost' }).click();
    await page.getByRole('dialog').getByText('Say why the deal was lost').waitFor();
    await page.getByRole('dialog').getByLabel('Lost reason').fill('Budget moved to next year');
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as lost' }).click();
    await page.getByRole('status').filter({ hasText: 'Lost on' }).waitFor();
    expect(await crmApi(baseUrl, `/deals/${deal.id}`)).toMatchObject({
      status: 'lost',
      lostReason: 'Budget moved to next year',
    });
  });

  it('converts a lead: the company and a deal are created, and the deal opens', async () => {
    const { page } = session;
    const lead = await crmApi(baseUrl, '/people', {
      method: 'POST',
      body: { firstName: 'Lina', lastName: 'Nordwind', email: 'lina@nordwind-labs.de', source: 'event' },
    });
    await page.goto(`/people/${lead.id}`);
    await page.locator('[data-slot="lead-notice"]').waitFor();
    await page.getByRole('button', { name: 'Convert lead' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Company name').inputValue()).toBe('Nordwind Labs');
    expect(await dialog.getByLabel('Domain').inputValue()).toBe('nordwind-labs.de');
    await dialog.getByLabel('Value (EUR)').fill('12500');
    await dialog.getByRole('button', { name: 'Convert' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nordwind Labs: new business' }).waitFor();

    const company = await findOne(baseUrl, 'companies', 'filter[domain][eq]=nordwind-labs.de');
    expect(company).toMatchObject({ name: 'Nordwind Labs' });
    expect(await crmApi(baseUrl, `/people/${lead.id}`)).toMatchObject({ companyId: company?.id });
    const deal = await findOne(baseUrl, 'deals', `filter[primaryContactId][eq]=${lead.id}`);
    expect(deal).toMatchObject({ companyId: company?.id, amount: 1_250_000, status: 'open' });
    expect(page.url()).toContain(`/deals/${deal?.id}`);
  });

  it('finds records across the CRM from the search box', async () => {
    const { page } = session;
    await page.goto('/');
    await page.locator('[data-slot="record-search-trigger"]').click();
    await page.getByRole('dialog').getByRole('combobox').fill('Nordwind');
    await page
      .getByRole('option', { name: /Nordwind Labs/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nordwind Labs' }).waitFor();
  });
});

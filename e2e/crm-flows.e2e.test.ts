import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CortexClient } from './support/cortex-api.js';
import { newPerson } from './support/cortex-page.js';
import {
  crmApi,
  crmOwnerApi,
  dragTo,
  eventually,
  findOne,
  pickRelation,
  signInOnPage,
} from './support/crm-page.js';
import { type BrowserSession, openBrowser, screenshotOnFailure } from './support/open-browser.js';

const baseUrl = inject('crmUrl');
const owner = inject('crmOwner');
let session: BrowserSession;
/** the owner at the API, for setting up and checking what the browser did */
let api: CortexClient;

beforeAll(async () => {
  session = await openBrowser(baseUrl);
  // the owner signs in on the page once, as a person would; the tests below work signed in
  await signInOnPage(session.page, owner);
  api = await crmOwnerApi(baseUrl, owner);
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
  it('sends a visitor to its sign-in page; the printed login signs in, a wrong one is said in words', async () => {
    const visitor = await newPerson(session.browser, baseUrl);
    const { page } = visitor;
    // without a session the API answers nothing, whatever tenant a request names
    const tenant = { 'X-Codexion-Tenant': '00000000-0000-4000-8000-000000000001' };
    for (const headers of [{}, tenant] as Record<string, string>[]) {
      expect((await fetch(`${baseUrl}/api/crm/deals`, { headers })).status).toBe(401);
    }
    await page.goto('/deals');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('The email or password is not right.');
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deals' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/deals');
    await visitor.context.close();
  });

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
    const deal = await findOne(api, 'deals', 'q=Launch%20contract');
    expect(deal).toMatchObject({ amount: 4_800_000, status: 'open' });
    const demo = await findOne(api, 'stages', `filter[pipelineId][eq]=${deal?.pipelineId}&q=Demo`);

    await page.goto('/deals/board');
    const card = page.getByRole('button', { name: 'Zeta Orbital: Launch contract, in Discovery' });
    await dragTo(page, card, page.getByRole('region', { name: 'Demo' }));
    await page
      .getByRole('region', { name: 'Demo' })
      .getByRole('button', { name: 'Zeta Orbital: Launch contract, in Demo' })
      .waitFor();
    await eventually(
      () => crmApi(api, `/deals/${deal?.id}`),
      (current) => current.stageId === demo?.id,
    );

    await page.getByRole('button', { name: 'Zeta Orbital: Launch contract, in Demo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zeta Orbital: Launch contract' }).waitFor();
    await page.getByRole('button', { name: 'Won', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Won on' }).waitFor();
    expect(await crmApi(api, `/deals/${deal?.id}`)).toMatchObject({ status: 'won', probability: 1 });

    await eventually(
      winRateCounts,
      (after) => after.won === before.won + 1 && after.closed === before.closed + 1,
    );
  });

  it("shows the server's own message when a rule refuses: a deal without value cannot be won", async () => {
    const { page } = session;
    const pipeline = await findOne(api, 'pipelines', 'sort=position');
    const stage = await findOne(api, 'stages', `filter[pipelineId][eq]=${pipeline?.id}&sort=position`);
    const company = await findOne(api, 'companies', 'q=Zeta');
    const deal = await crmApi(api, '/deals', {
      method: 'POST',
      body: {
        title: 'Zeta Orbital: Unpriced pilot',
        companyId: company?.id,
        pipelineId: pipeline?.id,
        stageId: stage?.id,
      },
    });
    // what the server answers, asked directly
    const refused = await api.request<{ errors: { message: string }[] }>(
      'POST',
      `/api/crm/deals/${deal.id}/win`,
    );
    expect(refused.status).toBe(422);
    const message = refused.body.errors[0]?.message ?? '';
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
    expect(await crmApi(api, `/deals/${deal.id}`)).toMatchObject({
      status: 'lost',
      lostReason: 'Budget moved to next year',
    });
  });

  it('converts a lead: the company and a deal are created, and the deal opens', async () => {
    const { page } = session;
    const lead = await crmApi(api, '/people', {
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

    const company = await findOne(api, 'companies', 'filter[domain][eq]=nordwind-labs.de');
    expect(company).toMatchObject({ name: 'Nordwind Labs' });
    expect(await crmApi(api, `/people/${lead.id}`)).toMatchObject({ companyId: company?.id });
    const deal = await findOne(api, 'deals', `filter[primaryContactId][eq]=${lead.id}`);
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

  it('signs out from the account menu: the pages go back to the sign-in page, and in again', async () => {
    // a browser of its own: the session of the other tests stays signed in
    const person = await newPerson(session.browser, baseUrl);
    const { page } = person;
    await signInOnPage(page, owner);
    await page.goto('/companies');
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    const signedIn = (await person.context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    expect((await fetch(`${baseUrl}/api/crm/companies`, { headers: { cookie: signedIn } })).status).toBe(200);
    await page.getByRole('button', { name: /^Account menu of / }).click();
    await page.getByRole('menuitem', { name: 'Log out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // the session is over on the server too: its old cookie reads nothing now
    expect((await fetch(`${baseUrl}/api/crm/companies`, { headers: { cookie: signedIn } })).status).toBe(401);
    await page.goto('/companies');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInOnPage(page, owner);
    await page.goto('/companies');
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await person.context.close();
  });
});

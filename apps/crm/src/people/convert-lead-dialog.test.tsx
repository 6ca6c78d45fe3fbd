import type { FakeRoute } from '@codexion/web/testing';
import { fakeId } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderCrm } from '../crm-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });
const newDeal = fakeId(9001);

const convert: FakeRoute = {
  method: 'POST',
  path: '/people/{id}/convert',
  handle: ({ params, body, tables }) => {
    const input = body as {
      company: { name: string; domain?: string };
      deal: { title: string; amount?: number };
    };
    const company = {
      id: fakeId(9000),
      version: 1,
      name: input.company.name,
      domain: input.company.domain,
      tagIds: [],
    };
    tables.get('companies')?.push(company);
    const person = tables.get('people')?.find((row) => row.id === params.id);
    if (person) person.companyId = company.id;
    const deal = {
      id: newDeal,
      version: 1,
      title: input.deal.title,
      amount: input.deal.amount,
      currency: 'EUR',
      companyId: company.id,
      primaryContactId: params.id,
      pipelineId: ids.newBusiness,
      stageId: ids.qualified,
      status: 'open',
      tagIds: [],
    };
    tables.get('deals')?.push(deal);
    return { body: { company, person, deal } };
  },
};

describe('convert a lead', () => {
  it('creates the company and the deal in one call, then opens the deal', async () => {
    const { api, router } = renderCrm(`/people/${ids.lena}`, { routes: [convert] });
    const u = user();
    expect(await screen.findByText('Lena Lead has no company yet.')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Convert lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'Convert Lena Lead' });
    // a company guessed from the lead's email domain
    expect(within(dialog).getByRole('textbox', { name: /Company name/ })).toHaveProperty(
      'value',
      'Nordwind Labs',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Domain' })).toHaveProperty(
      'value',
      'nordwind-labs.de',
    );
    await u.type(within(dialog).getByRole('textbox', { name: 'Value (EUR)' }), '12500');
    await u.click(within(dialog).getByRole('button', { name: 'Convert' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/deals/${newDeal}`));
    expect(api.requests.find((request) => request.url.endsWith('/convert'))?.body).toEqual({
      company: { name: 'Nordwind Labs', domain: 'nordwind-labs.de' },
      deal: { title: 'Nordwind Labs: new business', amount: 1_250_000, currency: 'EUR' },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nordwind Labs: new business' }),
    ).toBeTruthy();
  });

  it('offers no conversion to a person who already has a company', async () => {
    renderCrm(`/people/${ids.jane}`);
    await screen.findByRole('heading', { level: 1, name: 'Jane Doe' });
    expect(screen.queryByRole('button', { name: 'Convert lead' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Merge duplicates' })).toBeTruthy();
  });
});

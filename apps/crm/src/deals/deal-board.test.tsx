import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderCrm, requestLines } from '../crm-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

describe('pipeline board', () => {
  it("shows the first pipeline's stages in order, open deals only, with each column's value", async () => {
    renderCrm('/deals/board');
    const qualified = await screen.findByRole('region', { name: 'Qualified' });
    const columns = screen.getAllByRole('region').map((region) => region.getAttribute('aria-label'));
    expect(columns).toEqual(['Qualified', 'Proposal', 'Negotiation']);
    await within(qualified).findByRole('button', { name: 'Acme: Platform, in Qualified' });
    expect(within(qualified).queryByText('Acme: Licences')).toBeNull();
    expect(within(qualified).getByText('€10K · $9K')).toBeTruthy();
  });

  it('moves a deal to another stage through the moveDeal action', async () => {
    const { api } = renderCrm('/deals/board');
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Actions for Acme: Platform' }));
    await u.click(await screen.findByRole('menuitem', { name: 'Negotiation' }));
    await waitFor(() => expect(requestLines(api)).toContain(`POST /api/crm/deals/${ids.bigDeal}/move`));
    const move = api.requests.find((request) => request.url.endsWith('/move'));
    expect(move?.body).toEqual({ stageId: ids.negotiation });
    await within(screen.getByRole('region', { name: 'Negotiation' })).findByRole('button', {
      name: 'Acme: Platform, in Negotiation',
    });
  });

  it('switches to another pipeline above the board', async () => {
    renderCrm('/deals/board');
    const u = user();
    await screen.findByRole('region', { name: 'Qualified' });
    await u.click(screen.getByRole('combobox', { name: 'Pipeline' }));
    await u.click(await screen.findByRole('option', { name: 'Expansion' }));
    expect(await screen.findByRole('region', { name: 'Upsell' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Qualified' })).toBeNull();
  });
});

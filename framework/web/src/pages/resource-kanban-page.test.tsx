import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeId } from '../testing/fake-api.js';
import { fakeSdkCall } from '../testing/fake-resource-operations.js';
import { renderSalesApp, requestLines } from '../testing/render-sales-app.js';

const user = () => userEvent.setup({ delay: null });
const records = {
  accounts: [{ name: 'Acme' }],
  opportunities: [
    { title: 'Alpha', accountId: fakeId(1), stage: 'lead', status: 'open', currency: 'EUR', amount: 50000 },
    { title: 'Beta', accountId: fakeId(1), stage: 'qualified', status: 'open', currency: 'EUR' },
  ],
};
const column = (name: string) => screen.getByRole('region', { name });

afterEach(() => vi.restoreAllMocks());

describe('generated kanban board', () => {
  it('moves a card with the keyboard (Space, →, Space) through PATCH with If-Match', async () => {
    // happy-dom has no layout: give each column a place side by side, 300px apart
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const columns = [...document.querySelectorAll('[data-slot="kanban-column"]')];
      const owner = this.closest('[data-slot="kanban-column"]');
      const index = owner ? columns.indexOf(owner) : 0;
      const isCard = this !== owner;
      const rect = {
        x: index * 300,
        y: isCard ? 60 : 0,
        width: isCard ? 260 : 280,
        height: isCard ? 60 : 600,
      };
      return {
        ...rect,
        left: rect.x,
        top: rect.y,
        right: rect.x + rect.width,
        bottom: rect.y + rect.height,
        toJSON: () => rect,
      } as DOMRect;
    });
    const { api } = renderSalesApp({ path: '/opportunities/board', records });
    const handle = await screen.findByRole('button', { name: 'Alpha, in Lead' });
    expect(within(column('Lead')).getByText('€500')).toBeTruthy();
    handle.focus();
    fireEvent.keyDown(handle, { key: ' ', code: 'Space' });
    await waitFor(() => expect(document.body.textContent).toContain('Alpha is over Lead.'));
    fireEvent.keyDown(document, { key: 'ArrowRight', code: 'ArrowRight' });
    fireEvent.keyDown(document, { key: ' ', code: 'Space' });
    // optimistic: the card is in its new column before the server answers
    await waitFor(() =>
      expect(within(column('Qualified')).getByRole('button', { name: 'Alpha, in Qualified' })).toBeTruthy(),
    );
    await waitFor(() => expect(requestLines(api)).toContain(`PATCH /api/sales/opportunities/${fakeId(2)}`));
    const patch = api.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toEqual({ stage: 'qualified' });
    expect(patch?.headers['if-match']).toBe('"1"');
  });

  it('moves with the card menu and rolls back when the server refuses', async () => {
    const { api } = renderSalesApp({ path: '/opportunities/board', records });
    const u = user();
    await screen.findByRole('button', { name: 'Beta, in Qualified' });
    // someone else edits Beta: the board's ETag is stale, the server answers 412
    api.touch('opportunities', fakeId(3));
    await u.click(screen.getByRole('button', { name: 'Actions for Beta' }));
    await u.click(await screen.findByRole('menuitem', { name: 'Negotiation' }));
    await waitFor(() => expect(requestLines(api)).toContain(`PATCH /api/sales/opportunities/${fakeId(3)}`));
    expect(await screen.findByText('The record was changed by someone else')).toBeTruthy();
    await waitFor(() =>
      expect(within(column('Qualified')).getByRole('button', { name: 'Beta, in Qualified' })).toBeTruthy(),
    );
    expect(within(column('Negotiation')).queryByRole('button', { name: /Beta/ })).toBeNull();
  });

  it('leaves cards in place for a session that may not update', async () => {
    renderSalesApp({ path: '/opportunities/board', records, permissions: ['sales:*:read'] });
    const handle = await screen.findByRole('button', { name: 'Alpha, in Lead' });
    expect(handle.getAttribute('aria-disabled')).toBe('true');
  });

  it('writes through the move action when the entity configures one', async () => {
    const { api, catalog } = renderSalesApp({ path: '/opportunities/board', records });
    catalog.entity('opportunity').options.kanban = {
      action: { call: fakeSdkCall('post', '/opportunities/{id}/move'), bodyField: 'stage' },
    };
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Actions for Alpha' }));
    await u.click(await screen.findByRole('menuitem', { name: 'Proposal' }));
    await waitFor(() =>
      expect(requestLines(api)).toContain(`POST /api/sales/opportunities/${fakeId(2)}/move`),
    );
    expect(api.requests.find((request) => request.method === 'POST')?.body).toEqual({ stage: 'proposal' });
    await waitFor(() =>
      expect(within(column('Proposal')).getByRole('button', { name: 'Alpha, in Proposal' })).toBeTruthy(),
    );
  });
});

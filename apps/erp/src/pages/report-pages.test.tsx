import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ids, renderErp } from '../erp-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

const drill = (accountId: string) => ({ accountId, from: '2026-01-01', to: '2026-03-31' });
const tbRow = (accountId: string, number: string, name: string, extra: Record<string, unknown>) => ({
  accountId,
  number,
  name,
  rootType: 'asset',
  accountType: '',
  isGroup: false,
  parentId: null,
  depth: 1,
  opening: 0,
  debit: 0,
  credit: 0,
  closing: 0,
  drill: drill(accountId),
  ...extra,
});

/** The report actions as the server answers them, for a quarter with one invoice and its payment. */
const routes: FakeRoute[] = [
  {
    method: 'GET',
    path: '/reports/trial-balance',
    handle: ({ query }) =>
      query.get('format') === 'csv'
        ? { body: 'account,closing\n1200,7136\n' }
        : {
            body: {
              from: query.get('from'),
              to: query.get('to'),
              currency: 'EUR',
              rows: [
                {
                  ...tbRow(fakeGroup, '1', 'Assets', { debit: 14_272, credit: 7_136, closing: 7_136 }),
                  isGroup: true,
                  depth: 0,
                },
                tbRow(ids.bank, '1200', 'Bank', { debit: 7_136, closing: 7_136 }),
                tbRow(ids.receivables, '1400', 'Receivables', { debit: 7_136, credit: 7_136 }),
              ],
              totals: { opening: 0, debit: 14_272, credit: 14_272, closing: 0 },
            },
          },
  },
  {
    method: 'GET',
    path: '/reports/general-ledger',
    handle: ({ query }) => ({
      body: {
        accountId: query.get('accountId'),
        from: query.get('from'),
        to: query.get('to'),
        partyId: null,
        currency: 'EUR',
        opening: 0,
        closing: 7_136,
        nextCursor: null,
        rows: [
          {
            id: 1,
            postingDate: '2026-03-20',
            voucherType: 'sales-invoice',
            voucherId: ids.postedInvoice,
            voucherNo: 'SI-2026-0001',
            accountId: query.get('accountId'),
            partyId: ids.nordwind,
            partyName: 'Nordwind GmbH',
            againstVoucherId: null,
            remarks: null,
            debit: 7_136,
            credit: 0,
            balance: 7_136,
          },
        ],
      },
    }),
  },
];
const fakeGroup = '00000000-0000-4000-8000-000000000099';

describe('report pages', () => {
  it('shows the trial balance with group rows, drills from a figure to the general ledger and on to the document', async () => {
    const { router } = renderErp('/reports/trial-balance?from=2026-01-01&to=2026-03-31', { routes });
    const u = user();
    const table = await screen.findByRole('table', { name: 'Trial balance' });
    expect(within(table).getByText('Assets').closest('tr')?.getAttribute('data-group')).toBe('true');
    const totals = within(table).getByText('Total').closest('tr') as HTMLElement;
    expect(within(totals).getAllByText('€142.72')).toHaveLength(2);

    await u.click(within(table).getByRole('link', { name: /€71\.36, Closing of 1200 Bank/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports/general-ledger'));
    expect(new URLSearchParams(router.state.location.search).get('accountId')).toBe(ids.bank);
    const ledger = await screen.findByRole('table', { name: 'General ledger' });
    expect(within(ledger).getByText('Nordwind GmbH')).toBeTruthy();
    await u.click(within(ledger).getByRole('link', { name: 'SI-2026-0001' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sales-invoices/${ids.postedInvoice}`));
  });

  it('leads back to the reports page from a report’s breadcrumb', async () => {
    const { router } = renderErp('/reports/trial-balance?from=2026-01-01&to=2026-03-31', { routes });
    await screen.findByRole('table', { name: 'Trial balance' });
    const trail = document.querySelector('[data-slot="breadcrumbs"]') as HTMLElement;
    await user().click(within(trail).getByRole('link', { name: 'Reports' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports'));
    expect(await screen.findByRole('heading', { name: 'Reports', level: 1 })).toBeTruthy();
  });

  it('exports the report it shows as CSV through the same action', async () => {
    const createObjectURL = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { api } = renderErp('/reports/trial-balance?from=2026-01-01&to=2026-03-31', { routes });
    const u = user();
    await screen.findByRole('table', { name: 'Trial balance' });
    await u.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const csv = api.requests.find((request) => request.url.includes('format=csv'));
    expect(csv?.url).toContain('from=2026-01-01');
  });

  it('lists the reports, in German too', async () => {
    renderErp('/reports', { locale: 'de-DE' });
    expect(await screen.findByRole('heading', { name: 'Berichte', level: 1 })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Summen- und Saldenliste/ })).toBeTruthy();
  });
});

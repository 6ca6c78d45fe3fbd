import type { FakeRoute } from '@codexion/web/testing';
import { fakeId } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderErp } from '../erp-test-data.test-helper.js';

const receipt = fakeId(71);
const move = (moveId: number, extra: Record<string, unknown>) => ({
  moveId,
  postingDate: '2026-03-01',
  voucherType: 'stock-entry',
  voucherId: receipt,
  voucherNo: `STE-2026-000${moveId}`,
  warehouseId: ids.mainStore,
  warehouseName: 'Main store',
  reversesId: null,
  ...extra,
});

const routes: FakeRoute[] = [
  {
    method: 'GET',
    path: '/reports/stock-balance',
    handle: () => ({
      body: {
        items: [
          {
            itemId: ids.widget,
            sku: 'W-1',
            itemName: 'Widget',
            warehouseId: ids.mainStore,
            warehouseName: 'Main store',
            qty: 7,
            value: 7_700,
          },
        ],
        totalValue: 7_700,
      },
    }),
  },
  {
    method: 'GET',
    path: '/reports/stock-ledger',
    handle: ({ query }) => ({
      body: query.get('after')
        ? {
            items: [
              move(2, { qty: -3, qtyAfter: 7, valuationRate: 1100, valueChange: -3_300, valueAfter: 7_700 }),
            ],
            nextCursor: null,
          }
        : {
            items: [
              move(1, {
                qty: 10,
                qtyAfter: 10,
                valuationRate: 1100,
                valueChange: 11_000,
                valueAfter: 11_000,
              }),
            ],
            nextCursor: 1,
          },
    }),
  },
];

describe('an item’s stock', () => {
  it('shows the stock per warehouse and the stock ledger, page by page, each move leading to its entry', async () => {
    const { router } = renderErp(`/items/${ids.widget}`, { routes });
    const u = user();
    const perWarehouse = await screen.findByRole('table', { name: 'Stock per warehouse' });
    const store = within(perWarehouse).getByText('Main store').closest('tr') as HTMLElement;
    expect([...store.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      'Main store',
      '7',
      '€77.00',
    ]);

    const ledger = await screen.findByRole('table', { name: 'Stock ledger' });
    expect(within(ledger).getByText('+10')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Load more moves' }));
    expect(await within(ledger).findByText('-3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more moves' })).toBeNull();
    await u.click(within(ledger).getByRole('link', { name: 'STE-2026-0001' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/stock-entries/${receipt}`));
  });
});

function user() {
  return userEvent.setup({ delay: null });
}

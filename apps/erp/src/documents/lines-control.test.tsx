import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderErp } from '../erp-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

async function pick(u: ReturnType<typeof user>, name: string, option: string) {
  await u.click(screen.getByRole('combobox', { name }));
  await u.click(await screen.findByRole('option', { name: option }));
}

describe('a journal entry’s line table', () => {
  it('sums debits and credits as they are typed, previews the ledger rows and saves minor units', async () => {
    const { api } = renderErp('/journal-entries/new?postingDate=2026-03-05&currency=EUR');
    const u = user();
    // a new entry starts with one line; the second is added
    await u.click(await screen.findByRole('button', { name: 'Add line' }));
    await pick(u, 'Account, line 1', 'Bank');
    await u.type(screen.getByRole('textbox', { name: 'Debit, line 1' }), '120.50');
    await pick(u, 'Account, line 2', 'Sales');
    await u.type(screen.getByRole('textbox', { name: 'Credit, line 2' }), '120');

    const totals = document.querySelector('[data-slot="document-totals"]') as HTMLElement;
    expect(within(totals).getByText('Not balanced')).toBeTruthy();
    expect(within(totals).getByText('€0.50')).toBeTruthy();
    const preview = screen.getByRole('region', { name: 'Posting preview: ledger rows' });
    expect(within(preview).getByText('Off by €0.50')).toBeTruthy();

    await u.type(screen.getByRole('textbox', { name: 'Credit, line 2' }), '.5');
    await waitFor(() => expect(within(preview).getByText('Balanced')).toBeTruthy());
    expect(within(preview).getAllByText('€120.50')).toHaveLength(4);
    expect(within(preview).getByText('Bank')).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Create Journal entry' }));
    await waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true));
    const post = api.requests.find((request) => request.method === 'POST');
    expect((post?.body as { lines?: unknown } | undefined)?.lines).toEqual([
      { accountId: ids.bank, debit: 12_050, credit: 0 },
      { accountId: ids.sales, debit: 0, credit: 12_050 },
    ]);
  });

  it('marks the cell the schema refuses and removes a line', async () => {
    const { api } = renderErp('/journal-entries/new?postingDate=2026-03-05&currency=EUR');
    const u = user();
    // a new entry starts with one line; the second is added
    await u.click(await screen.findByRole('button', { name: 'Add line' }));
    const debit = screen.getByRole('textbox', { name: 'Debit, line 1' });
    // three decimals are not cents: nothing is rounded away, the cell says it is wrong
    await u.type(debit, '1.005');
    await u.click(screen.getByRole('button', { name: 'Create Journal entry' }));
    await waitFor(() => expect(debit.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(debit.getAttribute('aria-describedby') ?? '')?.textContent).toBeTruthy();
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await u.click(screen.getByRole('button', { name: 'Remove line 2' }));
    expect(screen.queryByRole('textbox', { name: 'Debit, line 2' })).toBeNull();
  });
});

describe('a sales invoice’s line table', () => {
  it('shows net, tax and total with the core rounding while a line is edited', async () => {
    renderErp(`/sales-invoices/${ids.draftInvoice}/edit`);
    const u = user();
    const qty = await screen.findByRole('textbox', { name: 'Quantity, line 1' });
    expect((screen.getByRole('textbox', { name: 'Unit price, line 1' }) as HTMLInputElement).value).toBe(
      '19.99',
    );
    expect((screen.getByRole('textbox', { name: 'Tax, line 1' }) as HTMLInputElement).value).toBe('19');
    const totals = document.querySelector('[data-slot="document-totals"]') as HTMLElement;
    expect(within(totals).getByText('€71.36')).toBeTruthy();
    await u.clear(qty);
    await u.type(qty, '5');
    // 5 × 19.99 = 99.95 net, 18.9905 tax → 18.99 (half to even), 118.94 in all
    await waitFor(() => expect(within(totals).getByText('€118.94')).toBeTruthy());
    expect(within(totals).getByText('€99.95')).toBeTruthy();
    expect(within(totals).getByText('€18.99')).toBeTruthy();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderErp } from '../erp-test-data.test-helper.js';
import { nanoText, rateText } from './exchange-rate-control.js';

const user = () => userEvent.setup({ delay: null });

/** A balanced entry of two lines, so only the rate decides whether it is sent. */
async function typeLines(u: ReturnType<typeof user>) {
  await u.click(await screen.findByRole('button', { name: 'Add line' }));
  for (const [line, account, side] of [
    [1, 'Bank', 'Debit'],
    [2, 'Sales', 'Credit'],
  ] as const) {
    await u.click(screen.getByRole('combobox', { name: `Account, line ${line}` }));
    await u.click(await screen.findByRole('option', { name: account }));
    await u.type(screen.getByRole('textbox', { name: `${side}, line ${line}` }), '100');
  }
}

describe('an exchange rate as the user reads it', () => {
  it('shows the stored nano units as a rate, in the user’s decimal separator', () => {
    expect(rateText('1000000000', '.')).toBe('1');
    expect(rateText('1082500000', '.')).toBe('1.0825');
    expect(rateText('1082500000', ',')).toBe('1,0825');
    expect(rateText('', '.')).toBe('');
  });

  it('keeps a typed rate as its nano units, and what is no number as typed (for the form to refuse)', () => {
    expect(nanoText('1.0825', '.')).toBe('1082500000');
    expect(nanoText('1,0825', ',')).toBe('1082500000');
    expect(nanoText('0.000000001', '.')).toBe('1');
    expect(nanoText('', '.')).toBe('');
    expect(nanoText('abc', '.')).toBe('abc');
  });

  it('asks a document for a plain exchange rate and saves it times 10⁹', async () => {
    const { api } = renderErp('/journal-entries/new?postingDate=2026-03-05&currency=USD');
    const u = user();
    const rate = await screen.findByRole('textbox', { name: /^Exchange rate/ });
    expect((rate as HTMLInputElement).value).toBe('1');
    expect(screen.queryByText(/Rate × 10/)).toBeNull();
    await typeLines(u);
    await u.clear(rate);
    await u.type(rate, '1.0825');
    await u.click(screen.getByRole('button', { name: 'Create Journal entry' }));
    await waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true));
    const post = api.requests.find((request) => request.method === 'POST');
    expect((post?.body as { rateNano?: unknown } | undefined)?.rateNano).toBe(1_082_500_000);
  });

  it('refuses a rate that is no number on its field, sending nothing', async () => {
    const { api } = renderErp('/journal-entries/new?postingDate=2026-03-05&currency=USD');
    const u = user();
    const rate = await screen.findByRole('textbox', { name: /^Exchange rate/ });
    await typeLines(u);
    await u.clear(rate);
    await u.type(rate, 'one');
    await u.click(screen.getByRole('button', { name: 'Create Journal entry' }));
    await waitFor(() => expect(rate.getAttribute('aria-invalid')).toBe('true'));
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('reads in German', async () => {
    renderErp('/journal-entries/new?postingDate=2026-03-05&currency=USD', { locale: 'de-DE' });
    expect(await screen.findByRole('textbox', { name: /^Wechselkurs/ })).toBeTruthy();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeId } from '../testing/fake-api.js';
import { renderSalesApp, requestLines } from '../testing/render-sales-app.js';

describe('generated detail page', () => {
  it('shows formatted fields, related lists and the change history', async () => {
    const { api } = renderSalesApp({ path: `/accounts/${fakeId(1)}/edit` });
    const u = userEvent.setup({ delay: null });
    const employees = await screen.findByRole('textbox', { name: /Employees/ });
    await u.clear(employees);
    await u.type(employees, '1200');
    await u.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme' })).toBeTruthy();
    expect(screen.getByText('1,200')).toBeTruthy();
    // accounts declare no history endpoint: no card, no request
    expect(screen.queryByRole('heading', { name: 'Change history' })).toBeNull();
    expect(requestLines(api).some((line) => line.includes('/history'))).toBe(false);
    // opportunities reference accounts through accountId: listed here, filtered by this account
    const related = screen.getByRole('table', { name: 'Opportunities' });
    await waitFor(() => expect(within(related).getByRole('link', { name: 'Deal 001' })).toBeTruthy());
    expect(requestLines(api)).toContain(
      `GET /api/sales/opportunities?filter[accountId][eq]=${fakeId(1)}&pageSize=20`,
    );
  });

  it('reads the history when the entity has one', async () => {
    renderSalesApp({ path: `/opportunities/${fakeId(11)}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Deal 001' })).toBeTruthy();
    expect(screen.getByText('€1,000')).toBeTruthy();
    expect(screen.getByText('10%')).toBeTruthy();
    expect(screen.getByText('Jan 15, 2025')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Change history' })).toBeTruthy();
    expect(await screen.findByText('No changes recorded yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Acme' }).getAttribute('href')).toBe(`/accounts/${fakeId(1)}`);
  });
});

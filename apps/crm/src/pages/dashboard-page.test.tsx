import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderCrm } from '../crm-test-data.test-helper.js';

const kpi = async (label: string) => {
  const heading = await screen.findByRole('heading', { name: label });
  const card = heading.closest('[data-slot="kpi"]');
  if (!(card instanceof HTMLElement)) throw new Error(`no KPI card "${label}"`);
  return card;
};

describe('dashboard', () => {
  it('shows the figures of known data: open value, win rate, closing this month, due today', async () => {
    renderCrm('/');
    // EUR is the tenant's currency and has open deals: 10,000 + 2,500 + 0; the USD deal is not added in
    const open = await kpi('Open pipeline');
    expect(within(open).getByText('€12,500')).toBeTruthy();
    // four open deals in all currencies; weighted 10,000 × 0.5 + 2,500 × 0.2
    expect(within(open).getByText('4 open deals · Weighted value €5,500')).toBeTruthy();
    const rate = await kpi('Win rate');
    expect(within(rate).getByText('50%')).toBeTruthy();
    expect(within(rate).getByText('1 won of 2 closed in the last 90 days')).toBeTruthy();
    const closing = await kpi('Closing this month');
    expect(within(closing).getByText('€10,000')).toBeTruthy();
    const due = await kpi('Activities due today');
    expect(within(due).getByText('1')).toBeTruthy();
    expect(within(due).getByText('1 overdue')).toBeTruthy();
  });

  it("charts the open value of the first pipeline's stages, in stage order, with a table for screen readers", async () => {
    renderCrm('/');
    const table = await screen.findByRole('table', { name: 'Pipeline value by stage' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['Qualified€10,0002 deals', 'Proposal€2,5001 deal', 'Negotiation€00 deals']);
    expect(await screen.findByText('Call Jane about pricing')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Acme: Platform' }).getAttribute('href')).toMatch(/^\/deals\//);
  });
});

import type { FakeRoute } from '@codexion/web/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ids, renderErp } from '../erp-test-data.test-helper.js';

/** Serious and critical axe findings on the page as rendered (contrast is checked in Chromium). */
async function findings(): Promise<string[]> {
  const results = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    resultTypes: ['violations'],
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.html} ${node.failureSummary}`).join(', ')}`,
    );
}

const dashboard: FakeRoute = {
  method: 'GET',
  path: '/reports/dashboard',
  handle: () => ({
    body: { asOf: '2026-03-31', currency: 'EUR', cash: 100, receivables: 200, payables: 300, months: [] },
  }),
};

const incomeRow = {
  accountId: ids.sales,
  number: '8400',
  name: 'Sales',
  rootType: 'income',
  accountType: 'income',
  isGroup: false,
  parentId: null,
  depth: 0,
  amount: 5_997,
  drill: { accountId: ids.sales, from: '2026-01-01', to: '2026-03-31' },
};
const profitAndLoss: FakeRoute = {
  method: 'GET',
  path: '/reports/profit-and-loss',
  handle: () => ({
    body: {
      from: '2026-01-01',
      to: '2026-03-31',
      currency: 'EUR',
      income: { rows: [incomeRow], total: 5_997 },
      expense: { rows: [], total: 0 },
      netResult: 5_997,
    },
  }),
};

// the dashboard's page and its chart library load lazily; loaded once here, a cold transform in CI
// is not counted against the waits of the tests below
beforeAll(async () => {
  await import('./dashboard-page.js');
}, 60_000);

describe('ERP pages for assistive technology', () => {
  it('a journal entry form with its line table and preview', async () => {
    renderErp('/journal-entries/new?postingDate=2026-03-05&currency=EUR');
    await screen.findByRole('button', { name: 'Add line' });
    expect(await findings()).toEqual([]);
  });

  it('a draft invoice with its lines, totals and Post button', async () => {
    renderErp(`/sales-invoices/${ids.draftInvoice}`);
    await screen.findByRole('button', { name: 'Post' });
    await screen.findByRole('region', { name: 'Posting preview: ledger rows' });
    expect(await findings()).toEqual([]);
  });

  it('the finance dashboard', async () => {
    renderErp('/', { routes: [dashboard] });
    await screen.findByRole('region', { name: 'Key figures' });
    expect(await findings()).toEqual([]);
  });

  it('the company setup, with a refused field', async () => {
    const notSetUp: FakeRoute = {
      ...dashboard,
      handle: () => ({ status: 409, body: { title: 'Conflict', code: 'COMPANY_NOT_SET_UP' } }),
    };
    renderErp('/', { routes: [notSetUp] });
    const form = await screen.findByRole('form', { name: 'Company setup' });
    fireEvent.click(within(form).getByRole('button', { name: 'Set up the company' }));
    await waitFor(() =>
      expect(
        within(form)
          .getByRole('textbox', { name: /^Company name/ })
          .getAttribute('aria-invalid'),
      ).toBe('true'),
    );
    expect(await findings()).toEqual([]);
  });

  it('a report with its period pickers, drill-down links and export', async () => {
    renderErp('/reports/profit-and-loss?from=2026-01-01&to=2026-03-31', { routes: [profitAndLoss] });
    await screen.findByRole('table', { name: 'Income' });
    expect(await findings()).toEqual([]);
  });
});

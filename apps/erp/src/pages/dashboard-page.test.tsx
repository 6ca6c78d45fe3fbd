import { todayIn } from '@codexion/web';
import type { FakeRoute } from '@codexion/web/testing';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderErp } from '../erp-test-data.test-helper.js';

const today = todayIn('UTC');
const year = today.slice(0, 4);

const dashboard: FakeRoute = {
  method: 'GET',
  path: '/reports/dashboard',
  handle: ({ query }) => ({
    body: {
      asOf: query.get('asOf'),
      currency: 'EUR',
      cash: 1_250_000,
      receivables: 71_360,
      payables: 30_000,
      months: [
        { month: `${Number(year) - 1}-12`, income: 999_999, expense: 0, netResult: 999_999 },
        { month: `${year}-01`, income: 500_000, expense: 320_000, netResult: 180_000 },
        { month: `${year}-02`, income: 200_000, expense: 250_000, netResult: -50_000 },
      ],
    },
  }),
};

// the dashboard's page and its chart library load lazily; loaded once here, a cold transform in CI
// is not counted against the waits of the tests below
beforeAll(async () => {
  await import('./dashboard-page.js');
}, 60_000);

describe('finance dashboard', () => {
  it('shows cash, receivables, payables and the year’s result, each leading to its report', async () => {
    renderErp('/', { routes: [dashboard] });
    const figures = await screen.findByRole('region', { name: 'Key figures' });
    const figure = (label: string) =>
      within(figures).getByRole('heading', { name: label }).closest('[data-slot="kpi"]') as HTMLElement;
    expect(within(figure('Cash and bank')).getByText('€12,500.00')).toBeTruthy();
    expect(within(figure('Receivables')).getByText('€713.60')).toBeTruthy();
    expect(within(figure('Payables')).getByText('€300.00')).toBeTruthy();
    // only this year's months: last December is not this year's result
    expect(within(figure(`Result ${year}`)).getByText('€1,300.00')).toBeTruthy();
    expect(within(figure('Receivables')).getByRole('link').getAttribute('href')).toBe(
      '/reports/aging?kind=receivable',
    );
    // the chart's figures as a table for screen readers
    expect(screen.getByRole('table', { name: 'Profit and loss, last 12 months' })).toBeTruthy();
  });

  it('says when the company is not set up yet', async () => {
    const notSetUp: FakeRoute = {
      ...dashboard,
      handle: () => ({
        status: 409,
        body: { title: 'Conflict', code: 'COMPANY_NOT_SET_UP', detail: 'not set up' },
      }),
    };
    renderErp('/', { routes: [notSetUp] });
    expect(await screen.findByText('The company is not set up yet')).toBeTruthy();
  });
});

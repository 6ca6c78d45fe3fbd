import { todayIn } from '@codexion/web';
import type { FakeRoute } from '@codexion/web/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
});

describe('company setup, in place of the dashboard', () => {
  /** The dashboard answers 409 COMPANY_NOT_SET_UP until a setup succeeds; the first setup is refused. */
  function notSetUpYet() {
    const sent: unknown[] = [];
    let setUp = false;
    const routes: FakeRoute[] = [
      {
        ...dashboard,
        handle: (request) =>
          setUp
            ? dashboard.handle(request)
            : { status: 409, body: { title: 'Conflict', code: 'COMPANY_NOT_SET_UP', detail: 'not set up' } },
      },
      {
        method: 'POST',
        path: '/company/setup',
        handle: ({ body }) => {
          sent.push(body);
          if (sent.length === 1) {
            return {
              status: 422,
              body: {
                title: 'Validation failed',
                code: 'VALIDATION_FAILED',
                errors: [
                  {
                    path: '/body/fiscalYearStart',
                    code: 'first-of-month',
                    message: 'must be the first day of a month',
                  },
                ],
              },
            };
          }
          setUp = true;
          return { status: 201, body: { id: 'c0ffee00-0000-4000-8000-000000000001', ...(body as object) } };
        },
      },
    ];
    return { routes, sent };
  }

  it('asks for the company, refuses in place, and shows the dashboard once it is set up', async () => {
    const { routes, sent } = notSetUpYet();
    renderErp('/', { routes });
    const form = await screen.findByRole('form', { name: 'Company setup' });
    expect(screen.getByRole('heading', { level: 1, name: 'Set up your company' })).toBeTruthy();
    // the defaults: the user's currency, this year from January, moving average
    expect(within(form).getByRole('combobox', { name: /^Base currency/ }).textContent).toContain(
      'EUR – Euro',
    );
    expect(within(form).getByRole('combobox', { name: /^Stock valuation/ }).textContent).toContain(
      'Moving average',
    );
    const submit = within(form).getByRole('button', { name: 'Set up the company' });

    // no name: refused in the browser, nothing sent
    fireEvent.click(submit);
    const name = within(form).getByRole('textbox', { name: /^Company name/ });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(sent).toEqual([]);

    // the server's refusal lands on its field
    fireEvent.change(name, { target: { value: '  Nordlicht GmbH ' } });
    fireEvent.click(submit);
    expect(await within(form).findByText('must be the first day of a month')).toBeTruthy();
    expect(sent).toEqual([
      {
        companyName: 'Nordlicht GmbH',
        baseCurrency: 'EUR',
        fiscalYearStart: `${year}-01-01`,
        defaultValuation: 'moving-average',
      },
    ]);

    fireEvent.click(submit);
    expect(await screen.findByRole('region', { name: 'Key figures' })).toBeTruthy();
    expect(sent).toHaveLength(2);
    expect(screen.queryByRole('form', { name: 'Company setup' })).toBeNull();
  });

  it('tells a user who may not set the company up who can, without a form', async () => {
    const { routes } = notSetUpYet();
    renderErp('/', { routes, permissions: ['erp:report:read'] });
    expect(await screen.findByText('The company is not set up yet')).toBeTruthy();
    expect(screen.getByText(/An owner or admin of this workspace sets the company up/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('speaks German', async () => {
    const { routes } = notSetUpYet();
    renderErp('/', { routes, locale: 'de-DE' });
    const form = await screen.findByRole('form', { name: 'Unternehmen einrichten' });
    expect(within(form).getByRole('textbox', { name: /^Firmenname/ })).toBeTruthy();
    expect(within(form).getByRole('combobox', { name: /^Basiswährung/ }).textContent).toContain('EUR – Euro');
    expect(within(form).getByRole('button', { name: 'Unternehmen einrichten' })).toBeTruthy();
  });
});

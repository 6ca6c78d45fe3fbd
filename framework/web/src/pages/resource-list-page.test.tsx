import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderSalesApp, requestLines } from '../testing/render-sales-app.js';

const user = () => userEvent.setup({ delay: null });

function bodyRows() {
  const table = screen.getByRole('table', { name: 'Accounts' });
  return within(table)
    .getAllByRole('row')
    .filter(
      (row) =>
        row.closest('tbody') && row.dataset.slot !== 'virtual-spacer' && row.dataset.index !== undefined,
    );
}

describe('generated list page', () => {
  it('lists records with formatted values and relation titles', async () => {
    const { api } = renderSalesApp({ path: '/opportunities' });
    expect(await screen.findByRole('link', { name: 'Deal 001' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Opportunities' });
    // money in minor units shows as euros, the account id as the account's name
    await waitFor(() => expect(within(table).getAllByText('Acme').length).toBeGreaterThan(0));
    expect(within(table).getByText('€1,000')).toBeTruthy();
    expect(requestLines(api)).toContain(
      'GET /api/sales/accounts?filter[id][in]=00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002,00000000-0000-4000-8000-000000000003,00000000-0000-4000-8000-000000000004,00000000-0000-4000-8000-000000000005,00000000-0000-4000-8000-000000000006,00000000-0000-4000-8000-000000000007,00000000-0000-4000-8000-000000000008,00000000-0000-4000-8000-000000000009,00000000-0000-4000-8000-000000000010&pageSize=10',
    );
  });

  it('sorts on the server when a header is clicked, searches and filters', async () => {
    const { api } = renderSalesApp({ path: '/accounts' });
    await screen.findByRole('link', { name: 'Acme' });
    const u = user();

    await u.click(screen.getByRole('button', { name: 'Sort by Employees' }));
    await waitFor(() =>
      expect(requestLines(api).at(-1)).toBe('GET /api/sales/accounts?sort=employees&pageSize=50'),
    );
    await u.click(screen.getByRole('button', { name: 'Sort by Employees' }));
    await waitFor(() =>
      expect(requestLines(api).at(-1)).toBe('GET /api/sales/accounts?sort=-employees&pageSize=50'),
    );
    await waitFor(() => expect(within(bodyRows()[0] as HTMLElement).getByText('Cyberdyne')).toBeTruthy());
    expect(screen.getByRole('columnheader', { name: /Employees/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    await u.type(screen.getByRole('searchbox', { name: 'Search' }), 'glob');
    await waitFor(() =>
      expect(requestLines(api).at(-1)).toBe('GET /api/sales/accounts?q=glob&sort=-employees&pageSize=50'),
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    await u.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(10));

    await u.click(screen.getByRole('button', { name: 'Filter' }));
    await u.click(screen.getByRole('combobox', { name: 'Field' }));
    await u.click(await screen.findByRole('option', { name: 'Tier' }));
    await u.click(screen.getByRole('combobox', { name: 'Value' }));
    await u.click(await screen.findByRole('option', { name: 'Gold' }));
    await u.click(screen.getByRole('button', { name: 'Apply filter' }));
    await waitFor(() =>
      expect(requestLines(api).at(-1)).toBe(
        'GET /api/sales/accounts?sort=-employees&filter[tier][eq]=gold&pageSize=50',
      ),
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'Remove filter: Tier is Gold' })).toBeTruthy();
  });

  it('exports every page of the current filter to CSV', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    // a browser downloads the link's file; happy-dom would navigate the window to `blob:test` and
    // leave later tests' relative API URLs nothing to resolve against
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { api } = renderSalesApp({ path: '/accounts?filter[tier][in]=standard,gold', maxPageSize: 3 });
    await screen.findByRole('link', { name: 'Acme' });
    await user().click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const csv = await (blobs[0] as Blob).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('name,domain,tier,employees');
    expect(lines).toHaveLength(1 + 7); // 7 accounts are standard or gold, read 3 at a time
    expect(requestLines(api).filter((line) => line.includes('pageSize=200'))).toHaveLength(3);
    create.mockRestore();
    click.mockRestore();
  });

  it('imports CSV: shows per-row errors before writing, then creates the valid rows in bulk', async () => {
    const { api } = renderSalesApp({ path: '/accounts' });
    await screen.findByRole('link', { name: 'Acme' });
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import Accounts' });
    const csv =
      'Name,Tier,Employees,City\nNorthwind,gold,12,Berlin\n,diamond,3,Paris\nContoso,standard,-4,\nFabrikam,,80,Rome\n';
    await u.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([csv], 'accounts.csv', { type: 'text/csv' }),
    );
    const errors = await within(dialog).findByRole('list', { name: 'Rows with errors' });
    expect(errors.textContent).toContain(
      'Line 3: Name: is required; Tier: must be one of: "standard", "gold", "platinum"',
    );
    expect(errors.textContent).toContain('Line 4: Employees: must be 0 or more');
    expect(within(dialog).getByText('2 rows ready')).toBeTruthy();
    // the City column was mapped to the embedded address by its label
    expect(within(dialog).getByRole('combobox', { name: 'City' }).textContent).toBe('City');
    expect(requestLines(api).some((line) => line.startsWith('POST'))).toBe(false);

    await u.click(within(dialog).getByRole('button', { name: 'Import 2 rows' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const bulk = api.requests.find((request) => request.method === 'POST');
    expect(bulk?.url).toBe('/api/sales/accounts/bulk');
    expect(bulk?.body).toEqual({
      items: [
        { name: 'Northwind', tier: 'gold', employees: 12, address: { city: 'Berlin' } },
        { name: 'Fabrikam', employees: 80, address: { city: 'Rome' } },
      ],
    });
    expect(await screen.findByRole('link', { name: 'Northwind' })).toBeTruthy();
  });

  it('deletes selected rows in bulk and hides what the session may not do', async () => {
    const { api } = renderSalesApp({ path: '/accounts' });
    await screen.findByRole('link', { name: 'Acme' });
    const u = user();
    const [first, second] = bodyRows();
    await u.click(within(first as HTMLElement).getByRole('checkbox', { name: 'Select row' }));
    await u.click(within(second as HTMLElement).getByRole('checkbox', { name: 'Select row' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    await u.click(within(bar).getByRole('button', { name: 'Delete selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 records?' });
    await u.click(within(dialog).getByRole('button', { name: 'Delete selected' }));
    await waitFor(() =>
      expect(requestLines(api).filter((line) => line.startsWith('DELETE'))).toHaveLength(2),
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(8));
  });

  it('disables actions the session lacks, saying why', async () => {
    renderSalesApp({ path: '/accounts', permissions: ['sales:account:read', 'sales:opportunity:*'] });
    await screen.findByRole('link', { name: 'Acme' });
    const importButton = screen.getByRole('button', { name: 'Import CSV' });
    expect(importButton.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'New Account' }).getAttribute('aria-disabled')).toBe('true');
    // the nav shows only what the session may read
    expect(screen.getByRole('link', { name: 'Opportunities' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Tasks' })).toBeNull();
    await user().hover(importButton);
    expect(
      (await screen.findAllByText("You don't have permission for this (sales:account:create).")).length,
    ).toBeGreaterThan(0);
  });

  it('chooses columns and saves a view of columns, sort and filters', async () => {
    renderSalesApp({ path: '/accounts?sort=-employees&filter[tier][eq]=gold' });
    await screen.findByRole('link', { name: 'Wonka' });
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Columns' }));
    await u.click(await screen.findByRole('menuitemcheckbox', { name: 'Contact email' }));
    await u.keyboard('{Escape}');
    expect(screen.getByRole('columnheader', { name: /Contact email/ })).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Views' }));
    await u.click(await screen.findByRole('menuitem', { name: 'Save current view…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save view' });
    await u.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Gold accounts');
    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = JSON.parse(localStorage.getItem('codexion.views.sales:account') ?? '[]');
    expect(stored).toMatchObject([
      {
        name: 'Gold accounts',
        columns: ['name', 'domain', 'tier', 'employees', 'contactEmail'],
        query: {
          q: '',
          sort: [{ field: 'employees', desc: true }],
          filters: [{ field: 'tier', op: 'eq', value: 'gold' }],
        },
      },
    ]);
    expect(screen.getByRole('button', { name: 'Gold accounts' })).toBeTruthy();
  });
});

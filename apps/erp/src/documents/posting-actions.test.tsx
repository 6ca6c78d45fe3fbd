import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderErp, requestLines } from '../erp-test-data.test-helper.js';
import { issuePlace } from './issue-place.js';

const user = () => userEvent.setup({ delay: null });
const notPostable = 'Account 8400 Sales is a group account';

/** The server refusing to post: the problem+json names the line and field. */
const refuse: FakeRoute[] = [
  {
    method: 'POST',
    path: '/journal-entries/{id}/transition',
    handle: () => ({
      status: 422,
      body: {
        title: 'Unprocessable',
        detail: 'The entry cannot be posted',
        code: 'ACCOUNT_NOT_POSTABLE',
        errors: [{ path: '/lines/1/accountId', code: 'ACCOUNT_NOT_POSTABLE', message: notPostable }],
      },
    }),
  },
];

describe('posting a document', () => {
  it('shows a draft invoice’s lines and totals, asks, then posts it through its transition', async () => {
    const { api } = renderErp(`/sales-invoices/${ids.draftInvoice}`);
    const u = user();
    const lines = await screen.findByRole('heading', { name: 'Lines', level: 2 });
    const card = lines.closest('[data-slot="document-lines"]') as HTMLElement;
    expect(await within(card).findByText('Widget')).toBeTruthy();
    expect(within(card).getByText('19 %')).toBeTruthy();
    const totals = card.querySelector('[data-slot="document-totals"]') as HTMLElement;
    expect(within(totals).getByText('€71.36')).toBeTruthy();
    // the rows salesInvoiceRows computes: receivable against income and output tax
    const preview = within(card).getByRole('region', { name: 'Posting preview: ledger rows' });
    const row = (account: string) =>
      [...(within(preview).getByText(account).closest('tr')?.querySelectorAll('td') ?? [])].map(
        (cell) => cell.textContent,
      );
    await within(preview).findByText('Output tax');
    expect(row('Receivables')).toEqual(['Receivables', 'Nordwind GmbH', '€71.36', '']);
    expect(row('Sales')).toEqual(['Sales', '', '', '€59.97']);
    expect(row('Output tax')).toEqual(['Output tax', '', '', '€11.39']);
    expect(within(preview).getByText('Balanced')).toBeTruthy();

    // a draft is still edited and deleted like any record
    expect(screen.getByRole('link', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Post' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/can no longer be changed/)).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: 'Post to ledger' }));
    await waitFor(() =>
      expect(requestLines(api)).toContain(`POST /api/erp/sales-invoices/${ids.draftInvoice}/transition`),
    );
    const post = api.requests.find((request) => request.url.endsWith('/transition'));
    expect(post?.body).toEqual({ to: 'posted' });
    expect(await screen.findByRole('button', { name: 'Cancel document' })).toBeTruthy();
  });

  it('shows the server’s refusal with the line and field it names, and marks that cell', async () => {
    renderErp(`/journal-entries/${ids.draftEntry}`, { routes: refuse });
    const u = user();
    // a draft entry previews the rows it will write
    const preview = await screen.findByRole('region', { name: 'Posting preview: ledger rows' });
    expect(within(preview).getByText('Balanced')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Post' }));
    await u.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Post to ledger' }));
    const alert = await screen.findByRole('alertdialog');
    expect(within(alert).getByText('The entry cannot be posted')).toBeTruthy();
    expect(within(alert).getByText(`Lines · 2 · Account: ${notPostable}`)).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-line="1"] [data-flagged]')).toBeTruthy());
  });

  it('offers Cancel on a posted invoice and says what cancelling does, but no Edit or Delete', async () => {
    renderErp(`/sales-invoices/${ids.postedInvoice}`);
    const u = user();
    const cancel = await screen.findByRole('button', { name: 'Cancel document' });
    // posted is a state the workflow locks (immutableIn): the page offers no edit the server would refuse
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    await u.click(cancel);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/appends the reverse rows/)).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('issuePlace', () => {
  it('names the document field, the line number and the line field', () => {
    const field = (name: string) => name.toUpperCase();
    expect(issuePlace('/body/lines/0/qty', field, (name) => `line ${name}`)).toBe('LINES · 1 · line qty');
    expect(issuePlace('', field, field)).toBe('');
  });
});

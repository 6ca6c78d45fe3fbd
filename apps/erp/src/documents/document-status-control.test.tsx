import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderErp } from '../erp-test-data.test-helper.js';

describe('a document’s status in its form', () => {
  it('shows a new invoice as a draft, in words and read-only, with no choice of status', async () => {
    renderErp('/sales-invoices/new');
    const status = (await screen.findByRole('textbox', { name: /^Status/ })) as HTMLInputElement;
    expect(status.value).toBe('Draft');
    expect(status.readOnly).toBe(true);
    expect(screen.queryByRole('combobox', { name: /^Status/ })).toBeNull();
    expect(screen.getByText('Post or cancel the document from its page')).toBeTruthy();
  });

  it('reads in German', async () => {
    renderErp('/purchase-invoices/new', { locale: 'de-DE' });
    const status = (await screen.findByRole('textbox', { name: /^Status/ })) as HTMLInputElement;
    expect(status.value).toBe('Entwurf');
  });
});

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { erpRecords, ids, renderErp } from '../erp-test-data.test-helper.js';

/** The test company, keeping its books in Swiss francs (the user's own currency is EUR). */
function inFrancs() {
  const records = erpRecords();
  records['company-settings'] = (records['company-settings'] ?? []).map((settings) => ({
    ...settings,
    baseCurrency: 'CHF',
  }));
  return records;
}

describe('an invoice’s currency', () => {
  it.each(['sales-invoices', 'purchase-invoices'])(
    'starts a new invoice (/%s/new) in the company’s base currency',
    async (resource) => {
      renderErp(`/${resource}/new`, { records: inFrancs() });
      const currency = (await screen.findByRole('textbox', { name: /^Currency/ })) as HTMLInputElement;
      await screen.findByDisplayValue('CHF');
      expect(currency.value).toBe('CHF');
    },
  );

  it('leaves a stored invoice’s currency as it is', async () => {
    renderErp(`/sales-invoices/${ids.draftInvoice}/edit`, { records: inFrancs() });
    const currency = (await screen.findByRole('textbox', { name: /^Currency/ })) as HTMLInputElement;
    await screen.findByDisplayValue('EUR');
    expect(currency.value).toBe('EUR');
  });
});

import { fakeId } from '@codexion/web/testing';
import { describe, expect, it } from 'vitest';
import { postingPreview } from './posting-rows.js';

const [bank, sales, receivable, tax, roundOff] = [1, 2, 3, 4, 5].map(fakeId) as [
  string,
  string,
  string,
  string,
  string,
];
const settings = {
  baseCurrency: 'EUR',
  receivableAccountId: receivable,
  salesAccountId: sales,
  salesTaxAccountId: tax,
  roundOffAccountId: roundOff,
};
const entry = { currency: 'EUR', rateNano: 1_000_000_000 };

describe('postingPreview', () => {
  it('gives a balanced journal entry’s rows and an unbalanced one’s lines in base', () => {
    const balanced = [
      { accountId: bank, debit: 500, credit: 0 },
      { accountId: sales, debit: 0, credit: 500 },
    ];
    expect(postingPreview('journal-entry', entry, balanced, { settings })).toEqual({
      rows: [
        { accountId: bank, partyId: null, debit: 500, credit: 0 },
        { accountId: sales, partyId: null, debit: 0, credit: 500 },
      ],
    });
    const off = [balanced[0], { accountId: sales, debit: 0, credit: 450 }] as typeof balanced;
    expect(postingPreview('journal-entry', entry, off, { settings })).toEqual({
      rows: [
        { accountId: bank, partyId: null, debit: 500, credit: 0 },
        { accountId: sales, partyId: null, debit: 0, credit: 450 },
      ],
    });
  });

  it('names the field an invoice still lacks, and leaves stock entries to the server', () => {
    const invoice = { ...entry, kind: 'invoice', partyId: fakeId(9), dueDate: '2026-04-01' };
    const result = postingPreview('sales-invoice', invoice, [{ description: 'x', unitPrice: 100 }], {
      settings,
    });
    expect(result && 'issue' in result && result.issue.path).toBe('/lines/0/qty');
    expect(postingPreview('stock-entry', {}, [], { settings })).toBeUndefined();
  });
});

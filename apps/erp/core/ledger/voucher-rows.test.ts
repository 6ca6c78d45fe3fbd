import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { voucherBalance } from './balanced.js';
import {
  type InvoiceDocument,
  journalEntryRows,
  type PaymentDocument,
  type PostingContext,
  paymentRows,
  purchaseInvoiceRows,
  reverseRows,
  salesInvoiceRows,
  type VoucherRow,
} from './voucher-rows.js';

const defaults = {
  receivableAccountId: 'ar',
  payableAccountId: 'ap',
  salesAccountId: 'sales',
  purchaseAccountId: 'purchases',
  salesTaxAccountId: 'vat-out',
  purchaseTaxAccountId: 'vat-in',
  roundOffAccountId: 'round-off',
};
const ctx: PostingContext = { baseCurrency: 'EUR', exponents: { EUR: 2, USD: 2, JPY: 0 }, defaults };
const unit = 1_000_000_000;

function invoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    id: 'inv-1',
    kind: 'invoice',
    partyId: 'cust-1',
    dueDate: '2026-12-31',
    currency: 'EUR',
    rateNano: unit,
    lines: [
      { description: 'A', qty: 2, unitPrice: 1_000, taxRateBp: 1_900, costCenterId: 'cc-1' },
      { description: 'B', qty: 1, unitPrice: 500, taxRateBp: 1_900, costCenterId: 'cc-1' },
      { description: 'C', qty: 1, unitPrice: 300, accountId: 'services', taxRateBp: 700 },
    ],
    ...overrides,
  };
}

/** The (account, debit, credit, debitFc, creditFc) of each row, for compact expectations. */
function amounts(rows: VoucherRow[]): [string, number, number, number, number][] {
  return rows.map((r) => [r.accountId, r.debit, r.credit, r.debitFc, r.creditFc]);
}

/** What `erp.gl_entries`' checks demand of every row. */
function expectStorable(rows: VoucherRow[]): void {
  for (const r of rows) {
    for (const value of [r.debit, r.credit, r.debitFc, r.creditFc]) {
      expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
    }
    expect(r.debit === 0 || r.credit === 0).toBe(true);
    expect(r.debit + r.credit + r.debitFc + r.creditFc).toBeGreaterThan(0);
  }
}

describe('salesInvoiceRows', () => {
  it('debits the receivable for the total and credits income and tax per (account, cost center)', () => {
    const rows = salesInvoiceRows(invoice(), ctx);
    // nets 2,000 + 500 on sales/cc-1, 300 on services; tax 380 + 95 = 475 and 21
    expect(amounts(rows)).toEqual([
      ['ar', 3_296, 0, 3_296, 0],
      ['sales', 0, 2_500, 0, 2_500],
      ['services', 0, 300, 0, 300],
      ['vat-out', 0, 475, 0, 475],
      ['vat-out', 0, 21, 0, 21],
    ]);
    expect(rows[0]).toMatchObject({ partyId: 'cust-1', againstVoucherId: 'inv-1', dueDate: '2026-12-31' });
    expect(rows.map((r) => [r.costCenterId, r.lineIndex])).toEqual([
      [null, undefined],
      ['cc-1', 0],
      [null, 2],
      ['cc-1', 0],
      [null, 2],
    ]);
  });

  it("uses the party's account and the item's account before the company's defaults", () => {
    const lines = [{ description: 'X', qty: 1, unitPrice: 100, itemId: 'item-1' }];
    const rows = salesInvoiceRows(invoice({ lines }), {
      ...ctx,
      partyAccountId: 'ar-export',
      itemAccounts: { 'item-1': 'sales-goods' },
    });
    expect(amounts(rows)).toEqual([
      ['ar-export', 100, 0, 100, 0],
      ['sales-goods', 0, 100, 0, 100],
    ]);
  });

  it('mirrors every side for a credit note, against the invoice it returns', () => {
    const rows = salesInvoiceRows(
      invoice({ id: 'cn-1', kind: 'credit-note', returnAgainstId: 'inv-1' }),
      ctx,
    );
    expect(amounts(rows)).toEqual(amounts(reverseRows(salesInvoiceRows(invoice(), ctx))));
    expect(rows[0]).toMatchObject({ againstVoucherId: 'inv-1', dueDate: null });
    const own = salesInvoiceRows(invoice({ id: 'cn-2', kind: 'credit-note' }), ctx);
    expect(own[0]).toMatchObject({ againstVoucherId: 'cn-2', dueDate: '2026-12-31' });
  });

  it('converts a foreign invoice row by row and books the rounding difference on round-off', () => {
    // USD at 0.5: 3 cents → 1.5 → 2; 1 cent → 0.5 → 0; 2 cents → 1
    const lines = [
      { description: 'A', qty: 1, unitPrice: 1, accountId: 'a' },
      { description: 'B', qty: 1, unitPrice: 2, accountId: 'b' },
    ];
    const rows = salesInvoiceRows(invoice({ currency: 'USD', rateNano: 500_000_000, lines }), ctx);
    expect(amounts(rows)).toEqual([
      ['ar', 2, 0, 3, 0],
      ['a', 0, 0, 0, 1],
      ['b', 0, 1, 0, 2],
      ['round-off', 0, 1, 0, 0],
    ]);
    expect(rows.every((r) => r.currency === 'USD' && r.rateNano === 500_000_000)).toBe(true);
  });

  it('leaves out zero rows (a free line, a line without tax)', () => {
    const lines = [{ description: 'Free', qty: 1, unitPrice: 0 }];
    expect(salesInvoiceRows(invoice({ lines }), ctx)).toEqual([]);
  });

  it('refuses a line the totals refuse, a base-currency rate other than 1 and an unknown currency', () => {
    const bad = [{ description: 'X', qty: 1, unitPrice: -1 }];
    expect(() => salesInvoiceRows(invoice({ lines: bad }), ctx)).toThrow(
      expect.objectContaining({ path: '/lines/0/unitPrice' }),
    );
    expect(() => salesInvoiceRows(invoice({ rateNano: 2 * unit }), ctx)).toThrow(
      expect.objectContaining({ path: '/rateNano' }),
    );
    expect(() => salesInvoiceRows(invoice({ currency: 'CHF' }), ctx)).toThrow(
      expect.objectContaining({ path: '/currency' }),
    );
    expect(() =>
      salesInvoiceRows(
        invoice({ currency: 'USD', rateNano: 1e12, lines: [{ description: 'X', qty: 1, unitPrice: 1e13 }] }),
        ctx,
      ),
    ).toThrow(expect.objectContaining({ path: '/rateNano' }));
  });
});

describe('purchaseInvoiceRows', () => {
  it('credits the payable and debits expense and input tax; a credit note mirrors it', () => {
    const rows = purchaseInvoiceRows(invoice({ partyId: 'supp-1' }), ctx);
    expect(amounts(rows)).toEqual([
      ['ap', 0, 3_296, 0, 3_296],
      ['purchases', 2_500, 0, 2_500, 0],
      ['services', 300, 0, 300, 0],
      ['vat-in', 475, 0, 475, 0],
      ['vat-in', 21, 0, 21, 0],
    ]);
    expect(rows[0]).toMatchObject({ partyId: 'supp-1', againstVoucherId: 'inv-1' });
    const credit = purchaseInvoiceRows(invoice({ partyId: 'supp-1', kind: 'credit-note' }), ctx);
    expect(amounts(credit)).toEqual(amounts(reverseRows(rows)));
  });
});

describe('journalEntryRows', () => {
  const entry = {
    currency: 'EUR',
    rateNano: unit,
    memo: 'Rent',
    lines: [
      { accountId: 'rent', debit: 120_000, credit: 0, costCenterId: 'cc-1' },
      { accountId: 'bank', debit: 0, credit: 120_000, description: 'Transfer' },
    ],
  };

  it('posts one row per line with the line description, else the memo', () => {
    const rows = journalEntryRows(entry, ctx);
    expect(amounts(rows)).toEqual([
      ['rent', 120_000, 0, 120_000, 0],
      ['bank', 0, 120_000, 0, 120_000],
    ]);
    expect(rows.map((r) => [r.remarks, r.costCenterId, r.lineIndex])).toEqual([
      ['Rent', 'cc-1', 0],
      ['Transfer', null, 1],
    ]);
  });

  it('refuses a line with both or neither side, and debits that differ from credits', () => {
    const both = { ...entry, lines: [{ accountId: 'x', debit: 1, credit: 1 }, ...entry.lines] };
    expect(() => journalEntryRows(both, ctx)).toThrow(expect.objectContaining({ path: '/lines/0' }));
    const neither = { ...entry, lines: [...entry.lines, { accountId: 'x', debit: 0, credit: 0 }] };
    expect(() => journalEntryRows(neither, ctx)).toThrow(expect.objectContaining({ path: '/lines/2' }));
    const negative = { ...entry, lines: [{ accountId: 'x', debit: -5, credit: 0 }] };
    expect(() => journalEntryRows(negative, ctx)).toThrow(
      expect.objectContaining({ path: '/lines/0/debit' }),
    );
    const unbalanced = { ...entry, lines: [{ accountId: 'x', debit: 5, credit: 0 }, ...entry.lines] };
    expect(() => journalEntryRows(unbalanced, ctx)).toThrow(expect.objectContaining({ path: '/lines' }));
  });

  it('writes an exchange adjustment in base only, in the adjusted currency, against its open item', () => {
    const revaluation = {
      currency: 'EUR',
      rateNano: unit,
      memo: 'Revaluation',
      lines: [
        {
          accountId: 'ar',
          partyId: 'cust-1',
          againstVoucherId: 'inv-1',
          adjustsCurrency: 'USD',
          debit: 500,
          credit: 0,
        },
        { accountId: 'fx', debit: 0, credit: 500 },
      ],
    };
    const rows = journalEntryRows(revaluation, ctx);
    expect(rows.map((r) => [r.accountId, r.debit, r.credit, r.debitFc, r.creditFc, r.currency])).toEqual([
      ['ar', 500, 0, 0, 0, 'USD'],
      ['fx', 0, 500, 0, 500, 'EUR'],
    ]);
    expect(rows[0]).toMatchObject({ partyId: 'cust-1', againstVoucherId: 'inv-1', rateNano: unit });
    expect(rows[0]).not.toHaveProperty('adjusts');
    const foreign = { ...revaluation, currency: 'USD', rateNano: 1_100_000_000 };
    expect(() => journalEntryRows(foreign, ctx)).toThrow(
      expect.objectContaining({ path: '/lines/0/adjustsCurrency' }),
    );
    const lines = revaluation.lines.map((line, i) => (i === 0 ? { ...line, adjustsCurrency: 'EUR' } : line));
    const base = { ...revaluation, lines };
    expect(() => journalEntryRows(base, ctx)).toThrow(
      expect.objectContaining({ path: '/lines/0/adjustsCurrency' }),
    );
  });
});

describe('paymentRows', () => {
  const payment: PaymentDocument = {
    id: 'pay-1',
    direction: 'received',
    partyId: 'cust-1',
    amount: 10_000,
    currency: 'EUR',
    rateNano: unit,
    bankAccountId: 'bank',
    allocations: [
      { invoiceId: 'inv-1', amount: 6_000 },
      { invoiceId: 'inv-2', amount: 1_000 },
    ],
  };

  it('debits the bank and credits the receivable per allocation and for the advance', () => {
    const rows = paymentRows(payment, ctx);
    expect(amounts(rows)).toEqual([
      ['bank', 10_000, 0, 10_000, 0],
      ['ar', 0, 6_000, 0, 6_000],
      ['ar', 0, 1_000, 0, 1_000],
      ['ar', 0, 3_000, 0, 3_000],
    ]);
    expect(rows.map((r) => [r.partyId, r.againstVoucherId])).toEqual([
      [null, null],
      ['cust-1', 'inv-1'],
      ['cust-1', 'inv-2'],
      ['cust-1', 'pay-1'],
    ]);
  });

  it('posts no advance row when fully allocated, and mirrors a payment made on the payable', () => {
    const full = {
      ...payment,
      direction: 'paid' as const,
      allocations: [{ invoiceId: 'bill-1', amount: 10_000 }],
    };
    expect(amounts(paymentRows(full, ctx))).toEqual([
      ['bank', 0, 10_000, 0, 10_000],
      ['ap', 10_000, 0, 10_000, 0],
    ]);
  });

  it('refuses allocations above the amount, and non-positive amounts', () => {
    const over = { ...payment, allocations: [{ invoiceId: 'inv-1', amount: 10_001 }] };
    expect(() => paymentRows(over, ctx)).toThrow(expect.objectContaining({ path: '/allocations' }));
    const zero = { ...payment, allocations: [{ invoiceId: 'inv-1', amount: 0 }] };
    expect(() => paymentRows(zero, ctx)).toThrow(expect.objectContaining({ path: '/allocations/0/amount' }));
    expect(() => paymentRows({ ...payment, amount: 0 }, ctx)).toThrow(
      expect.objectContaining({ path: '/amount' }),
    );
  });

  describe('a foreign invoice settled at another rate', () => {
    // 100.00 USD invoiced at 1.10: the open item carries 110.00 EUR
    const fxCtx: PostingContext = {
      ...ctx,
      defaults: { ...defaults, exchangeGainLossAccountId: 'fx' },
      openItems: { 'inv-1': { balance: 11_000, balanceFc: 10_000 } },
    };
    const usd = (rateNano: number, allocations = [{ invoiceId: 'INV-1', amount: 10_000 }]) => ({
      ...payment,
      amount: 10_000,
      currency: 'USD',
      rateNano,
      allocations,
    });

    it('clears the invoice at its own base value and books the difference as a loss (1.05) or gain (1.15)', () => {
      expect(amounts(paymentRows(usd(1_050_000_000), fxCtx))).toEqual([
        ['bank', 10_500, 0, 10_000, 0],
        ['ar', 0, 11_000, 0, 10_000],
        ['fx', 500, 0, 0, 0],
      ]);
      const gain = paymentRows(usd(1_150_000_000), fxCtx);
      expect(amounts(gain)).toEqual([
        ['bank', 11_500, 0, 10_000, 0],
        ['ar', 0, 11_000, 0, 10_000],
        ['fx', 0, 500, 0, 0],
      ]);
      expect(gain[2]).toMatchObject({
        currency: 'USD',
        partyId: null,
        remarks: 'Realised exchange difference',
      });
      expect(voucherBalance(gain).difference).toBe(0);
    });

    it('clears a share of the base for a part, and what is left with the last part', () => {
      const parts = [
        { invoiceId: 'inv-1', amount: 3_333 },
        { invoiceId: 'inv-1', amount: 6_667 },
      ];
      const rows = paymentRows(usd(1_050_000_000, parts), fxCtx);
      // 3,333/10,000 of 110.00 = 36.66 (36.663), the rest 73.34: together the whole 110.00
      expect(amounts(rows)).toEqual([
        ['bank', 10_500, 0, 10_000, 0],
        ['ar', 0, 3_666, 0, 3_333],
        ['ar', 0, 7_334, 0, 6_667],
        ['fx', 500, 0, 0, 0],
      ]);
    });

    it('mirrors a payment made: a payable cleared above its value is a gain', () => {
      const bill = {
        ...usd(1_050_000_000, [{ invoiceId: 'bill-1', amount: 10_000 }]),
        direction: 'paid' as const,
      };
      const paid = { ...fxCtx, openItems: { 'bill-1': { balance: -11_000, balanceFc: -10_000 } } };
      expect(amounts(paymentRows(bill, paid))).toEqual([
        ['bank', 0, 10_500, 0, 10_000],
        ['ap', 11_000, 0, 10_000, 0],
        ['fx', 0, 500, 0, 0],
      ]);
    });

    it('needs an exchange account only when the values differ', () => {
      const none = { ...fxCtx, defaults };
      expect(() => paymentRows(usd(1_050_000_000), none)).toThrow(
        expect.objectContaining({ path: '/allocations' }),
      );
      expect(amounts(paymentRows(usd(1_100_000_000), none))).toEqual([
        ['bank', 11_000, 0, 10_000, 0],
        ['ar', 0, 11_000, 0, 10_000],
      ]);
    });
  });
});

describe('every voucher balances in base (property)', () => {
  const currencyCase = fc.oneof(
    fc
      .record({
        fcExp: fc.constantFrom(0, 2, 3),
        baseExp: fc.constantFrom(0, 2, 3),
        rateNano: fc.integer({ min: 1, max: 1e11 }),
      })
      .map((c) => ({ ...c, currency: 'FCY' })),
    fc.constantFrom(0, 2, 3).map((e) => ({ fcExp: e, baseExp: e, rateNano: unit, currency: 'BAS' })),
  );
  const contextOf = (c: { fcExp: number; baseExp: number }): PostingContext => ({
    baseCurrency: 'BAS',
    exponents: { BAS: c.baseExp, FCY: c.fcExp },
    defaults,
    itemAccounts: { i1: 'item-income' },
  });
  const id = (prefix: string) =>
    fc.option(fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`), { nil: null });
  const invoiceLine = fc.record({
    description: fc.constant('line'),
    qty: fc.integer({ min: 1, max: 100 }),
    unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
    taxRateBp: fc.integer({ min: 0, max: 10_000 }),
    accountId: id('acc'),
    costCenterId: id('cc'),
    itemId: id('i'),
    taxAccountId: id('tax'),
  });

  function expectBalanced(rows: VoucherRow[]): void {
    expectStorable(rows);
    expect(voucherBalance(rows).difference).toBe(0);
    const fcRows = rows.map((r) => ({ debit: r.debitFc, credit: r.creditFc }));
    expect(voucherBalance(fcRows).difference).toBe(0);
    expect(rows.filter((r) => r.accountId === 'round-off').length).toBeLessThanOrEqual(1);
    const roundOff = rows.find((r) => r.accountId === 'round-off');
    if (roundOff) expect(2 * (roundOff.debit + roundOff.credit)).toBeLessThanOrEqual(rows.length - 1);
    // the voucher and its reversal sum to zero, on every account
    const reversed = reverseRows(rows);
    for (const account of new Set(rows.map((r) => r.accountId))) {
      const original = voucherBalance(rows.filter((r) => r.accountId === account));
      const reversal = voucherBalance(reversed.filter((r) => r.accountId === account));
      expect([reversal.debit, reversal.credit]).toEqual([original.credit, original.debit]);
    }
    expect(reverseRows(reverseRows(rows))).toEqual(rows);
  }

  it('sales and purchase invoices and credit notes', () => {
    fc.assert(
      fc.property(
        currencyCase,
        fc.array(invoiceLine, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('invoice' as const, 'credit-note' as const),
        fc.boolean(),
        (c, lines, kind, sales) => {
          const doc = invoice({ kind, lines, currency: c.currency, rateNano: c.rateNano });
          const rows = (sales ? salesInvoiceRows : purchaseInvoiceRows)(doc, contextOf(c));
          expectBalanced(rows);
          // grouping: one income row per (account, cost center) and one tax row per (tax account, cost center)
          const income = new Set(
            lines.map(
              (l) => `${l.accountId ?? (l.itemId === 'i1' ? 'item-income' : 'default')}/${l.costCenterId}`,
            ),
          );
          const tax = new Set(lines.map((l) => `${l.taxAccountId}/${l.costCenterId}`));
          expect(
            rows.filter((r) => r.partyId === null && r.accountId !== 'round-off').length,
          ).toBeLessThanOrEqual(income.size + tax.size);
          expect(rows.filter((r) => r.partyId !== null)).toHaveLength(
            lines.some((l) => l.unitPrice > 0) ? 1 : 0,
          );
        },
      ),
    );
  });

  it('journal entries', () => {
    const parts = fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(currencyCase, parts, parts, (c, debits, weights) => {
        const total = debits.reduce((a, b) => a + b, 0);
        const weight = weights.reduce((a, b) => a + b, 0);
        const credits = weights.map((w) => Number((BigInt(total) * BigInt(w)) / BigInt(weight)));
        credits.push(total - credits.reduce((a, b) => a + b, 0));
        const lines = [
          ...debits.map((debit, i) => ({ accountId: `d${i % 3}`, debit, credit: 0 })),
          ...credits
            .filter((credit) => credit > 0)
            .map((credit, i) => ({ accountId: `c${i % 3}`, debit: 0, credit })),
        ];
        expectBalanced(journalEntryRows({ currency: c.currency, rateNano: c.rateNano, lines }, contextOf(c)));
      }),
    );
  });

  it('payments with allocations and advances', () => {
    fc.assert(
      fc.property(
        currencyCase,
        fc.array(fc.integer({ min: 1, max: 1e9 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.constantFrom('received' as const, 'paid' as const),
        (c, allocated, rest, direction) => {
          const amount = allocated.reduce((a, b) => a + b, 0) + rest;
          fc.pre(amount > 0);
          const allocations = allocated.map((a, i) => ({ invoiceId: `inv-${i}`, amount: a }));
          const doc: PaymentDocument = {
            id: 'pay',
            direction,
            partyId: 'p',
            amount,
            currency: c.currency,
            rateNano: c.rateNano,
            bankAccountId: 'bank',
            allocations,
          };
          expectBalanced(paymentRows(doc, contextOf(c)));
        },
      ),
    );
  });
});

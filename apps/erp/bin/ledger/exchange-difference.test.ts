import { describe, expect, it } from 'vitest';
import type { VoucherRow } from '../../core/ledger/voucher-rows.js';
import { withExchangeDifference } from './exchange-difference.js';
import type { OpenItem } from './open-items.js';

const invoiceId = '00000000-0000-4000-8000-0000000000a1';
const usd = { currency: 'USD', partyId: null, costCenterId: null, dueDate: null, remarks: null };

function row(
  accountId: string,
  side: 'debit' | 'credit',
  base: number,
  fc: number,
  lineIndex?: number,
): VoucherRow {
  return {
    ...usd,
    accountId,
    againstVoucherId: lineIndex === undefined ? null : invoiceId,
    debit: side === 'debit' ? base : 0,
    credit: side === 'credit' ? base : 0,
    debitFc: side === 'debit' ? fc : 0,
    creditFc: side === 'credit' ? fc : 0,
    rateNano: 950_000_000,
    ...(lineIndex === undefined ? {} : { lineIndex }),
  };
}

function item(balance: number, balanceFc: number): Map<string, OpenItem> {
  return new Map([
    [
      invoiceId,
      {
        voucherId: invoiceId,
        partyId: 'p',
        accountId: 'ar',
        currency: 'USD',
        dueDate: null,
        balance,
        balanceFc,
      },
    ],
  ]);
}

const net = (rows: readonly VoucherRow[]) => rows.reduce((sum, r) => sum + r.debit - r.credit, 0);

describe('withExchangeDifference', () => {
  it('clears a receivable in full at its booked value and credits the gain', () => {
    const rows = withExchangeDifference({
      rows: [row('bank', 'debit', 9_499, 9_999), row('ar', 'credit', 9_499, 9_999, 0)],
      items: item(9_209, 9_999),
      exchangeAccountId: 'fx',
    });
    expect(rows.map((r) => [r.accountId, r.debit, r.credit])).toEqual([
      ['bank', 9_499, 0],
      ['ar', 0, 9_209],
      ['fx', 0, 290],
    ]);
    expect(net(rows)).toBe(0);
  });

  it('clears part of a payable at the same share of its base and debits the loss', () => {
    // a 200.00 USD bill booked at 180.00 EUR; half paid at 0.95 = 95.00 EUR, carrying 90.00
    const rows = withExchangeDifference({
      rows: [row('ap', 'debit', 9_500, 10_000, 0), row('bank', 'credit', 9_500, 10_000)],
      items: item(-18_000, -20_000),
      exchangeAccountId: 'fx',
    });
    expect(rows.map((r) => [r.accountId, r.debit, r.credit])).toEqual([
      ['ap', 9_000, 0],
      ['fx', 500, 0],
      ['bank', 0, 9_500],
    ]);
    expect(net(rows)).toBe(0);
  });

  it('changes nothing when the rates agree, and leaves the advance alone', () => {
    const rows = [
      row('bank', 'debit', 12_000, 12_632),
      row('ar', 'credit', 9_500, 10_000, 0),
      { ...row('ar', 'credit', 2_500, 2_632), againstVoucherId: 'payment' },
    ];
    expect(withExchangeDifference({ rows, items: item(9_500, 10_000), exchangeAccountId: 'fx' })).toEqual(
      rows,
    );
  });
});

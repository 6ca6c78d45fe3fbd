import { roundHalfEven } from '../../core/ledger/convert.js';
import type { VoucherRow } from '../../core/ledger/voucher-rows.js';
import type { OpenItem } from './open-items.js';

/** What a payment's allocation rows settle, and where the difference in base goes. */
export interface SettlementInput {
  /** the payment's rows (`paymentRows`): allocation rows carry `lineIndex` and `againstVoucherId` */
  rows: readonly VoucherRow[];
  /** the settled invoices' open items before this payment, by voucher id (lower case) */
  items: ReadonlyMap<string, OpenItem>;
  /** the company's exchange gain/loss account */
  exchangeAccountId: string;
}

/** What is left of an open item to settle, in its currency and in base, both ≥ 0. */
interface Remaining {
  fc: number;
  base: number;
}

/**
 * The base amount an allocation of `amountFc` clears from what is left of an open item: all of
 * the base when it settles all of the currency, else the same share of it, rounded half to even.
 * Carried this way, an invoice paid in full leaves nothing in base, whatever the rates.
 */
function carryingValue(left: Remaining, amountFc: number): number {
  if (left.fc <= 0 || amountFc >= left.fc) return left.base;
  return Number(roundHalfEven(BigInt(left.base) * BigInt(amountFc), BigInt(left.fc)));
}

/**
 * A payment's rows with the realised exchange difference: each allocation row clears the invoice
 * at the base value the invoice carries (its rate, not the payment's), and the difference to what
 * the payment is worth in base goes to the exchange gain/loss account as one more row, so the
 * voucher still balances and a fully paid foreign invoice leaves no base balance. Nothing changes
 * when the rates agree (always, in the base currency).
 *
 * @example
 * // a 99.99 USD invoice booked at 0.921 (92.09 EUR) paid at 0.95 (94.99 EUR): receivable Cr 92.09, gain Cr 2.90
 * withExchangeDifference({ rows: paymentRows(payment, context), items, exchangeAccountId })
 */
export function withExchangeDifference({ rows, items, exchangeAccountId }: SettlementInput): VoucherRow[] {
  const remaining = new Map<string, Remaining>(
    [...items].map(([id, item]) => [id, { fc: Math.abs(item.balanceFc), base: Math.abs(item.balance) }]),
  );
  return rows.flatMap((row) => {
    const against = row.againstVoucherId?.toLowerCase();
    const left = against === undefined ? undefined : remaining.get(against);
    if (row.lineIndex === undefined || against === undefined || left === undefined) return [row];
    const amountFc = row.debitFc + row.creditFc;
    const carried = carryingValue(left, amountFc);
    remaining.set(against, { fc: left.fc - amountFc, base: left.base - carried });
    const difference = carried - (row.debit + row.credit);
    if (difference === 0) return [row];
    const credit = row.credit > 0;
    const cleared: VoucherRow = credit ? { ...row, credit: carried } : { ...row, debit: carried };
    // the allocation row grew (or shrank) by the difference: the other side takes it
    const otherSideDebit = credit === difference > 0;
    const exchange: VoucherRow = {
      accountId: exchangeAccountId,
      partyId: null,
      costCenterId: null,
      againstVoucherId: null,
      dueDate: null,
      debit: otherSideDebit ? Math.abs(difference) : 0,
      credit: otherSideDebit ? 0 : Math.abs(difference),
      debitFc: 0,
      creditFc: 0,
      currency: row.currency,
      rateNano: row.rateNano,
      remarks: 'Realised exchange difference',
    };
    return [cleared, exchange];
  });
}

import { LedgerInputError } from './ledger-input-error.js';

/** The amounts of a GL row that balance in base: minor units of the base currency. */
export interface BaseAmounts {
  debit: number;
  credit: number;
}

/** Σ debit and Σ credit of a voucher in base, and `difference` = debit − credit (0 when balanced). */
export interface VoucherBalance {
  debit: number;
  credit: number;
  difference: number;
}

/**
 * The base totals of a voucher's rows, as the page shows them under a GL preview and as the
 * ledger's balance trigger checks them. Summed in `BigInt`.
 *
 * @throws LedgerInputError when a sum leaves the safe-integer range
 * @example
 * voucherBalance([{ debit: 100, credit: 0 }, { debit: 0, credit: 99 }])
 * // { debit: 100, credit: 99, difference: 1 }
 */
export function voucherBalance(rows: readonly BaseAmounts[]): VoucherBalance {
  let debit = 0n;
  let credit = 0n;
  for (const row of rows) {
    debit += BigInt(row.debit);
    credit += BigInt(row.credit);
  }
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (debit > max || credit > max)
    throw new LedgerInputError('', `the voucher's debits (${debit}) or credits (${credit}) exceed ${max}`);
  return { debit: Number(debit), credit: Number(credit), difference: Number(debit - credit) };
}

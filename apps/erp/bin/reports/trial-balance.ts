import type { ReportTrialBalanceResponse } from '../../core/generated/client/types.gen.js';
import { type AccountBalance, accountBalances, ledgerSum } from './account-balances.js';
import { baseCurrencyOf, checkRange, type ReportContext } from './report-parameters.js';

export type TrialBalance = ReportTrialBalanceResponse;
export type TrialBalanceRow = TrialBalance['rows'][number];
/** The general-ledger report's parameters for one figure: what a report row drills down to. */
export type Drill = TrialBalanceRow['drill'];

/** Whether an account shows in a report that hides empty rows. */
export function hasFigures(row: AccountBalance): boolean {
  return row.opening !== 0 || row.debit !== 0 || row.credit !== 0;
}

/**
 * The trial balance of [`from`, `to`]: every account with its opening, debits, credits and
 * closing, groups rolled up, and the totals over the ledger accounts. 422 when `to` < `from`.
 *
 * @example
 * const { rows, totals } = await trialBalance(ctx, { from: '2026-01-01', to: '2026-01-31' });
 * totals.debit === totals.credit; // always
 */
export async function trialBalance(
  ctx: ReportContext,
  { from, to, includeZero = false }: { from: string; to: string; includeZero?: boolean },
): Promise<TrialBalance> {
  checkRange({ from, to });
  const { currency } = await baseCurrencyOf(ctx);
  const balances = await accountBalances(ctx, { from, to });
  return {
    from,
    to,
    currency,
    rows: balances
      .filter((row) => includeZero || hasFigures(row))
      .map((row) => ({ ...row, drill: { accountId: row.accountId, from, to } })),
    totals: {
      opening: ledgerSum(balances, (row) => row.opening),
      debit: ledgerSum(balances, (row) => row.debit),
      credit: ledgerSum(balances, (row) => row.credit),
      closing: ledgerSum(balances, (row) => row.closing),
    },
  };
}

import type { ReportBalanceSheetResponse } from '../../core/generated/client/types.gen.js';
import { type AccountBalance, accountBalances, accountLine, ledgerSum } from './account-balances.js';
import { baseCurrencyOf, ledgerStart, type ReportContext } from './report-parameters.js';

export type BalanceSheet = ReportBalanceSheetResponse;
type BalanceSheetSection = BalanceSheet['assets'];

/**
 * The balance sheet at the end of `asOf`: asset, liability and equity balances (the tree, groups
 * rolled up), the current result and the check that the two sides agree.
 *
 * The current result is the balance of the income and expense accounts at `asOf`: a year-end
 * closing voucher moves them to retained earnings and so empties them, which makes this
 * "income − expense since the last closing voucher, or since the start of the ledger".
 *
 * @example
 * const { balanced, difference } = await balanceSheet(ctx, { asOf: '2026-03-31' });
 */
export async function balanceSheet(
  ctx: ReportContext,
  { asOf, includeZero = false }: { asOf: string; includeZero?: boolean },
): Promise<BalanceSheet> {
  const { currency } = await baseCurrencyOf(ctx);
  const balances = await accountBalances(ctx, { from: ledgerStart, to: asOf });
  const section = (rootType: 'asset' | 'liability' | 'equity'): BalanceSheetSection => {
    const sign = rootType === 'asset' ? 1 : -1;
    const accounts = balances.filter((row) => row.rootType === rootType);
    const amount = (row: AccountBalance) => sign * row.closing;
    return {
      rows: accounts
        .filter((row) => includeZero || row.closing !== 0)
        .map((row) => ({
          ...accountLine(row),
          amount: amount(row),
          drill: { accountId: row.accountId, from: ledgerStart, to: asOf },
        })),
      total: ledgerSum(accounts, amount),
    };
  };
  const assets = section('asset');
  const liabilities = section('liability');
  const equity = section('equity');
  const currentResult = -ledgerSum(
    balances.filter((row) => row.rootType === 'income' || row.rootType === 'expense'),
    (row) => row.closing,
  );
  const difference = assets.total - (liabilities.total + equity.total + currentResult);
  return {
    asOf,
    currency,
    assets,
    liabilities,
    equity,
    currentResult,
    balanced: difference === 0,
    difference,
  };
}

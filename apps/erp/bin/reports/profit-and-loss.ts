import type { ReportProfitAndLossResponse } from '../../core/generated/client/types.gen.js';
import { type AccountBalance, accountBalances, accountLine, ledgerSum } from './account-balances.js';
import { baseCurrencyOf, checkRange, type ReportContext } from './report-parameters.js';

export type ProfitAndLoss = ReportProfitAndLossResponse;

/**
 * Income and expense over [`from`, `to`] by account (the tree, groups rolled up) and the net
 * result. 422 when `to` < `from`.
 *
 * @example
 * const { netResult } = await profitAndLoss(ctx, { from: '2026-01-01', to: '2026-12-31' });
 */
export async function profitAndLoss(
  ctx: ReportContext,
  { from, to, includeZero = false }: { from: string; to: string; includeZero?: boolean },
): Promise<ProfitAndLoss> {
  checkRange({ from, to });
  const { currency } = await baseCurrencyOf(ctx);
  const balances = await accountBalances(ctx, { from, to });
  const side = (rootType: 'income' | 'expense') => {
    const sign = rootType === 'income' ? -1 : 1;
    const accounts = balances.filter((row) => row.rootType === rootType);
    const movement = (row: AccountBalance) => sign * (row.debit - row.credit);
    return {
      rows: accounts
        .filter((row) => includeZero || row.debit !== 0 || row.credit !== 0)
        .map((row) => ({
          ...accountLine(row),
          amount: movement(row),
          drill: { accountId: row.accountId, from, to },
        })),
      total: ledgerSum(accounts, movement),
    };
  };
  const income = side('income');
  const expense = side('expense');
  return { from, to, currency, income, expense, netResult: income.total - expense.total };
}

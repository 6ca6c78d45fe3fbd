import { executeRows } from '@codexion/framework/data';
import { sql } from 'drizzle-orm';
import type { ReportDashboardResponse } from '../../core/generated/client/types.gen.js';
import { accountBalances, ledgerSum } from './account-balances.js';
import { baseCurrencyOf, ledgerStart, minor, type ReportContext, today } from './report-parameters.js';

export type FinanceDashboard = ReportDashboardResponse;

/**
 * The finance dashboard's figures at the end of `asOf` (today unless given): balances from
 * `accountBalances`, the monthly P&L from the period totals of the periods starting in each month.
 *
 * @example
 * const { cash, months } = await financeDashboard(ctx, { asOf: '2026-06-30' });
 */
export async function financeDashboard(
  ctx: ReportContext,
  { asOf = today() }: { asOf?: string } = {},
): Promise<FinanceDashboard> {
  const { currency } = await baseCurrencyOf(ctx);
  const balances = await accountBalances(ctx, { from: ledgerStart, to: asOf });
  const ofType = (...types: string[]) =>
    ledgerSum(
      balances.filter((row) => types.includes(row.accountType)),
      (row) => row.closing,
    );
  const tenant = sql`${ctx.tenantId}::uuid`;
  const records = await executeRows<{ month: string; income: unknown; expense: unknown }>(
    ctx.tx,
    sql`with months as (
          select generate_series(date_trunc('month', ${asOf}::date) - interval '11 months',
                                 date_trunc('month', ${asOf}::date), interval '1 month')::date as month
        )
        select to_char(m.month, 'YYYY-MM') as month,
               coalesce(sum(case when a.root_type = 'income' then t.credit - t.debit end), 0)::bigint as income,
               coalesce(sum(case when a.root_type = 'expense' then t.debit - t.credit end), 0)::bigint as expense
          from months m
          left join erp.accounting_periods p
            on p.tenant_id = ${tenant} and p.start_date >= m.month and p.start_date < (m.month + interval '1 month')
          left join erp.account_period_totals t on t.tenant_id = ${tenant} and t.period_id = p.id
          left join erp.accounts a on a.tenant_id = ${tenant} and a.id = t.account_id
         group by m.month
         order by m.month`,
  );
  return {
    asOf,
    currency,
    cash: ofType('cash', 'bank'),
    receivables: ofType('receivable'),
    payables: -ofType('payable'),
    months: records.map((record) => {
      const income = minor(record.income);
      const expense = minor(record.expense);
      return { month: record.month, income, expense, netResult: income - expense };
    }),
  };
}

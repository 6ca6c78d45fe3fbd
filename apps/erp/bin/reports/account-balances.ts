import { executeRows } from '@codexion/framework/data';
import { type SQL, sql } from 'drizzle-orm';
import type { ReportTrialBalanceResponse } from '../../core/generated/client/types.gen.js';
import { minor, type ReportContext } from './report-parameters.js';

/**
 * One account of the chart with its figures over a range, as the trial balance's contract has it:
 * `opening` (debit − credit before `from`), `debit`, `credit` (in the range), `closing`; a group's
 * are the sums of its descendants'.
 */
export type AccountBalance = Omit<ReportTrialBalanceResponse['rows'][number], 'drill'>;

type BalanceRow = {
  id: string;
  number: string;
  name: string;
  root_type: AccountBalance['rootType'];
  account_type: string;
  is_group: boolean;
  parent_id: string | null;
  depth: number;
  opening: unknown;
  debit: unknown;
  credit: unknown;
};

/**
 * The SQL of `accountBalances`, for the bench's `EXPLAIN`.
 *
 * @example
 * await tx.execute(sql`explain analyze ${accountBalancesQuery(tenantId, range)}`);
 */
export function accountBalancesQuery(tenantId: string, { from, to }: { from: string; to: string }): SQL {
  const tenant = sql`${tenantId}::uuid`;
  const start = sql`${from}::date`;
  const end = sql`${to}::date`;
  return sql`with recursive
  periods as (
    select id, start_date, end_date,
           (start_date < ${start} and end_date >= ${start}) or (start_date <= ${end} and end_date > ${end}) as cut
      from erp.accounting_periods
     where tenant_id = ${tenant} and start_date <= ${end}
  ),
  movement as (
    -- a period the range does not cut lies wholly before it (opening) or wholly inside it
    select t.account_id,
           sum(case when p.end_date < ${start} then t.debit - t.credit else 0 end) as opening,
           sum(case when p.start_date >= ${start} then t.debit else 0 end) as debit,
           sum(case when p.start_date >= ${start} then t.credit else 0 end) as credit
      from erp.account_period_totals t
      join periods p on p.id = t.period_id and not p.cut
     where t.tenant_id = ${tenant}
     group by t.account_id
    union all
    select g.account_id,
           sum(case when g.posting_date < ${start} then g.debit - g.credit else 0 end),
           sum(case when g.posting_date >= ${start} then g.debit else 0 end),
           sum(case when g.posting_date >= ${start} then g.credit else 0 end)
      from periods p
      join erp.gl_entries g
        on g.tenant_id = ${tenant} and g.posting_date between p.start_date and least(p.end_date, ${end})
     where p.cut
     group by g.account_id
  ),
  ancestry as (
    select id as account_id, id as ancestor_id, parent_id from erp.accounts where tenant_id = ${tenant}
    union all
    select ancestry.account_id, a.id, a.parent_id
      from ancestry join erp.accounts a on a.tenant_id = ${tenant} and a.id = ancestry.parent_id
  ),
  rolled as (
    select ancestry.ancestor_id as account_id,
           sum(m.opening) as opening, sum(m.debit) as debit, sum(m.credit) as credit
      from movement m join ancestry on ancestry.account_id = m.account_id
     group by ancestry.ancestor_id
  ),
  tree as (
    select id, 0 as depth, array[number] as path
      from erp.accounts where tenant_id = ${tenant} and parent_id is null
    union all
    select a.id, tree.depth + 1, tree.path || a.number
      from tree join erp.accounts a on a.tenant_id = ${tenant} and a.parent_id = tree.id
  )
select a.id, a.number, a.name, a.root_type, a.account_type, a.is_group, a.parent_id, tree.depth,
       coalesce(r.opening, 0)::bigint as opening, coalesce(r.debit, 0)::bigint as debit,
       coalesce(r.credit, 0)::bigint as credit
  from tree
  join erp.accounts a on a.tenant_id = ${tenant} and a.id = tree.id
  left join rolled r on r.account_id = a.id
 order by tree.path`;
}

/**
 * Every account of the chart, in tree order (each group before its children, siblings by number),
 * with its opening balance before `from`, its debits and credits in [`from`, `to`], and its closing
 * balance; group accounts sum their descendants (a recursive walk of `parent_id`).
 *
 * Whole periods come from `erp.account_period_totals` (one row per period and account, whatever
 * the ledger's size); only the periods the range cuts — the one holding `from` when it is not its
 * first day, the one holding `to` when it is not its last — are summed from `erp.gl_entries` over
 * `gl_entries_date_idx` (ADR 0027 §9). Balances at a date d: `from` = d + 1's opening, or the
 * closing of [`ledgerStart`, d].
 *
 * @example
 * const rows = await accountBalances(ctx, { from: '2026-01-01', to: '2026-03-15' });
 */
export async function accountBalances(
  ctx: ReportContext,
  { from, to }: { from: string; to: string },
): Promise<AccountBalance[]> {
  const rows = await executeRows<BalanceRow>(ctx.tx, accountBalancesQuery(ctx.tenantId, { from, to }));
  return rows.map((row) => {
    const opening = minor(row.opening);
    const debit = minor(row.debit);
    const credit = minor(row.credit);
    return {
      accountId: row.id,
      number: row.number,
      name: row.name,
      rootType: row.root_type,
      accountType: row.account_type,
      isGroup: row.is_group,
      parentId: row.parent_id,
      depth: Number(row.depth),
      opening,
      debit,
      credit,
      closing: opening + debit - credit,
    };
  });
}

/**
 * The sum of `pick` over the ledger (non-group) accounts of `rows`: a report's total, each
 * posting counted once.
 *
 * @example
 * const assets = ledgerSum(rows.filter((row) => row.rootType === 'asset'), (row) => row.closing);
 */
export function ledgerSum(rows: readonly AccountBalance[], pick: (row: AccountBalance) => number): number {
  return rows.reduce((sum, row) => (row.isGroup ? sum : sum + pick(row)), 0);
}

/** An account's identity and place in the tree, without its figures. */
export type AccountLine = Omit<AccountBalance, 'opening' | 'debit' | 'credit' | 'closing'>;

/**
 * The account part of a balance row, for reports that show one amount per account.
 *
 * @example
 * rows.map((row) => ({ ...accountLine(row), amount: row.closing }));
 */
export function accountLine(row: AccountBalance): AccountLine {
  const { opening: _opening, debit: _debit, credit: _credit, closing: _closing, ...line } = row;
  return line;
}

import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { RevalueExchangeResponse } from '../../core/generated/client/types.gen.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/**
 * A balance held in a foreign currency on a day: an open item (receivable or payable, per party
 * and the voucher it settles: `againstVoucherId`) or the balance of an account kept in that
 * currency (`partyId` and `againstVoucherId` null); `balanceFc` and `balance` are debit − credit
 * in the currency and in base.
 */
export type ForeignBalance = Pick<
  RevalueExchangeResponse['adjustments'][number],
  'accountId' | 'partyId' | 'againstVoucherId' | 'currency' | 'balanceFc' | 'balance'
>;

type BalanceColumns = {
  account_id: string;
  party_id: string | null;
  against_voucher_id: string | null;
  currency: string;
  balance_fc: string;
  balance: string;
};

/**
 * The foreign-currency balances as of the end of `date` (rows dated after it left out), from the
 * ledger: each open item whose rows are in a currency other than `baseCurrency` (receivable and
 * payable accounts, per account, party and voucher it settles), and each other account whose
 * `currency` is foreign (its foreign amount from its rows in that currency, its base from all).
 * Balances zero in both currencies are left out; an item zero in currency but not in base (a
 * credit note at another rate) is kept, so a revaluation clears it.
 *
 * @example
 * const balances = await foreignBalances(ctx, '2026-03-31', 'EUR');
 */
export async function foreignBalances(
  ctx: Ctx,
  date: string,
  baseCurrency: string,
): Promise<ForeignBalance[]> {
  const rows = await executeRows<BalanceColumns>(
    ctx.tx,
    sql`select g.account_id, g.party_id, g.against_voucher_id, trim(g.currency) as currency,
               sum(g.debit_fc - g.credit_fc)::text as balance_fc, sum(g.debit - g.credit)::text as balance
          from erp.gl_entries g
          join erp.accounts a on a.tenant_id = g.tenant_id and a.id = g.account_id
         where g.tenant_id = ${ctx.tenantId} and g.posting_date <= ${date}::date
           and a.account_type in ('receivable', 'payable')
           and g.against_voucher_id is not null and g.party_id is not null
           and g.currency <> ${baseCurrency}
         group by g.account_id, g.party_id, g.against_voucher_id, g.currency
        having sum(g.debit_fc - g.credit_fc) <> 0 or sum(g.debit - g.credit) <> 0
        union all
        select g.account_id, null, null, trim(a.currency),
               sum(case when g.currency = a.currency then g.debit_fc - g.credit_fc else 0 end)::text,
               sum(g.debit - g.credit)::text
          from erp.gl_entries g
          join erp.accounts a on a.tenant_id = g.tenant_id and a.id = g.account_id
         where g.tenant_id = ${ctx.tenantId} and g.posting_date <= ${date}::date
           and a.currency is not null and a.currency <> ${baseCurrency}
           and a.account_type not in ('receivable', 'payable')
         group by g.account_id, a.currency
        having sum(case when g.currency = a.currency then g.debit_fc - g.credit_fc else 0 end) <> 0
            or sum(g.debit - g.credit) <> 0
         order by 4, 3 nulls last, 1, 2`,
  );
  return rows.map((row) => ({
    accountId: row.account_id,
    partyId: row.party_id,
    againstVoucherId: row.against_voucher_id,
    currency: row.currency,
    balanceFc: Number(row.balance_fc),
    balance: Number(row.balance),
  }));
}

/** Whether the period's exchange revaluation stands: `none` before a run, `cancelled` when its entry was. */
export type RevaluationState = 'none' | 'standing' | 'cancelled';

/**
 * Where a period's exchange revaluation is: `none` until `revaluedAt` is set; then `cancelled`
 * when the exchange adjustments posted on its last day (journal entries with an `adjustsCurrency`
 * line) were all cancelled, else `standing` (also when the run found nothing to adjust).
 *
 * @example
 * if ((await revaluationState(ctx, period)) === 'standing') throw erp.error('ALREADY_REVALUED', …);
 */
export async function revaluationState(
  ctx: Ctx,
  period: { endDate: string; revaluedAt?: string | null },
): Promise<RevaluationState> {
  if (period.revaluedAt == null) return 'none';
  const [row] = await executeRows<{ posted: string; cancelled: string }>(
    ctx.tx,
    sql`select count(*) filter (where j.status = 'posted')::text as posted,
               count(*) filter (where j.status = 'cancelled')::text as cancelled
          from erp.journal_entries j
         where j.tenant_id = ${ctx.tenantId} and j.posting_date = ${period.endDate}::date
           and j.status in ('posted', 'cancelled')
           and exists (select 1 from jsonb_array_elements(j.lines) l
                        where coalesce(l->>'adjustsCurrency', '') <> '')`,
  );
  return Number(row?.posted) === 0 && Number(row?.cancelled) > 0 ? 'cancelled' : 'standing';
}

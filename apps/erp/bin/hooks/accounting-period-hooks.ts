import { randomUUID } from 'node:crypto';
import { executeRows } from '@codexion/framework/data';
import type { HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { AccountingPeriod } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import { foreignBalances, revaluationState } from '../ledger/foreign-balances.js';
import { postVoucher } from '../ledger/post-voucher.js';
import { companyOf } from '../ledger/posting-context.js';

type Ctx = Pick<HookContext, 'tx' | 'tenantId' | 'userId'>;

/** The name of a period of the tenant that is in `status` and starts before (or after) `period`. */
async function neighbour(
  ctx: Ctx,
  period: Pick<AccountingPeriod, 'startDate'>,
  status: 'open' | 'closed',
  side: 'earlier' | 'later',
): Promise<string | undefined> {
  const [row] = await executeRows<{ name: string }>(
    ctx.tx,
    side === 'earlier'
      ? sql`select name from erp.accounting_periods where tenant_id = ${ctx.tenantId} and status = ${status}
              and start_date < ${period.startDate}::date order by start_date limit 1`
      : sql`select name from erp.accounting_periods where tenant_id = ${ctx.tenantId} and status = ${status}
              and start_date > ${period.startDate}::date order by start_date desc limit 1`,
  );
  return row?.name;
}

/**
 * When `period` is the last of its fiscal year: the closing voucher, dated the year's last day,
 * that brings every income and expense account of the year to zero against retained earnings
 * (what is left after an earlier closing of the same year, if the period was reopened).
 */
async function closeFiscalYear(ctx: Ctx, period: AccountingPeriod): Promise<void> {
  const [year] = await executeRows<{ name: string; end_date: string }>(
    ctx.tx,
    sql`select name, end_date::text as end_date from erp.fiscal_years
         where tenant_id = ${ctx.tenantId} and id = ${period.fiscalYearId}::uuid`,
  );
  if (year === undefined || year.end_date !== period.endDate) return;
  const balances = await executeRows<{ account_id: string; balance: string }>(
    ctx.tx,
    sql`select t.account_id, sum(t.debit - t.credit)::text as balance
          from erp.account_period_totals t
          join erp.accounting_periods p on p.tenant_id = t.tenant_id and p.id = t.period_id
          join erp.accounts a on a.tenant_id = t.tenant_id and a.id = t.account_id
         where t.tenant_id = ${ctx.tenantId} and p.fiscal_year_id = ${period.fiscalYearId}::uuid
           and a.root_type in ('income', 'expense')
         group by t.account_id having sum(t.debit - t.credit) <> 0
         order by t.account_id`,
  );
  if (balances.length === 0) return;
  const settings = await companyOf(ctx);
  const retained = settings.retainedEarningsAccountId;
  if (retained == null) {
    throw erp.error('COMPANY_NOT_SET_UP', 'The company settings name no retained earnings account');
  }
  const money = { currency: settings.baseCurrency, rateNano: 1_000_000_000 };
  const rows = balances.map(({ account_id, balance }) => {
    const amount = Number(balance);
    return { accountId: account_id, debit: Math.max(-amount, 0), credit: Math.max(amount, 0), ...money };
  });
  const result = balances.reduce((sum, { balance }) => sum + Number(balance), 0);
  rows.push({ accountId: retained, debit: Math.max(result, 0), credit: Math.max(-result, 0), ...money });
  await postVoucher(ctx, {
    voucherType: 'period-closing',
    voucherId: randomUUID(),
    voucherNo: `PCV-${year.name}`,
    postingDate: year.end_date,
    rows: rows
      .filter((row) => row.debit !== 0 || row.credit !== 0)
      .map((row) => ({ ...row, remarks: `Closing of ${year.name}`, path: '', accountPath: '/status' })),
  });
}

/**
 * 409 PERIOD_NOT_REVALUED when the period ends with foreign-currency balances and its exchange
 * revaluation does not stand (never run, or its entry cancelled): it names the action to run.
 */
async function checkRevalued(ctx: Ctx, period: AccountingPeriod): Promise<void> {
  if ((await revaluationState(ctx, period)) === 'standing') return;
  const { baseCurrency } = await companyOf(ctx);
  const balances = await foreignBalances(ctx, period.endDate, baseCurrency);
  if (balances.length === 0) return;
  const currencies = [...new Set(balances.map((balance) => balance.currency))].join(', ');
  const message = `${period.name} ends with balances in ${currencies}: revalue them first (revalue-exchange, POST /accounting-periods/${period.id}/revalue)`;
  throw erp.error('PERIOD_NOT_REVALUED', message, {
    issues: [{ path: '/status', code: 'not-revalued', message }],
  });
}

/** 409 LEDGER_IN_USE when a closed period, or one with postings, would change its dates or year. */
async function checkDatesFixed(ctx: Ctx, next: AccountingPeriod, previous: AccountingPeriod): Promise<void> {
  const moved = (['startDate', 'endDate', 'fiscalYearId'] as const).find(
    (field) => next[field] !== previous[field],
  );
  if (moved === undefined) return;
  const [posted] = await executeRows<{ n: string }>(
    ctx.tx,
    sql`select count(*)::text as n from erp.gl_entries where tenant_id = ${ctx.tenantId} and period_id = ${previous.id}::uuid`,
  );
  if (previous.status === 'open' && Number(posted?.n) === 0) return;
  const message = `${previous.name} is closed or has postings: its dates and year are fixed`;
  throw erp.error('LEDGER_IN_USE', message, { issues: [{ path: `/${moved}`, code: 'in-use', message }] });
}

/**
 * An accounting period's server side (ADR 0027 §7). The transition locks the period row
 * (`FOR UPDATE`: a posting holding it `FOR SHARE` finishes first). Periods close in order: closing
 * one while an earlier one is open is 409 PERIOD_SEQUENCE; closing the last period of a fiscal
 * year posts its closing voucher (income and expense to retained earnings); a period that ends
 * with foreign-currency balances closes only once revalued (409 PERIOD_NOT_REVALUED). Only the latest closed
 * period reopens (409 PERIOD_SEQUENCE), and only when it starts after the lock date (422
 * LOCK_DATE_INVALID). A closed period, or one with postings, keeps its dates (409 LEDGER_IN_USE).
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'accounting-period': accountingPeriodHooks() } })
 */
export function accountingPeriodHooks(): ResourceHooks<AccountingPeriod> {
  return erp.defineHooks('accounting-period', {
    async beforeUpdate(ctx, next, previous) {
      await checkDatesFixed(ctx, { ...previous, ...next }, previous);
      if (previous.status === 'open' && next.status === 'closed') {
        const earlier = await neighbour(ctx, previous, 'open', 'earlier');
        if (earlier !== undefined) {
          const message = `${earlier} is still open: periods close in order`;
          throw erp.error('PERIOD_SEQUENCE', message, {
            issues: [{ path: '/status', code: 'in-order', message }],
          });
        }
        await checkRevalued(ctx, previous);
        await closeFiscalYear(ctx, previous);
      }
      if (previous.status === 'closed' && next.status === 'open') {
        const later = await neighbour(ctx, previous, 'closed', 'later');
        if (later !== undefined) {
          const message = `${later} is closed after it: only the latest closed period reopens`;
          throw erp.error('PERIOD_SEQUENCE', message, {
            issues: [{ path: '/status', code: 'latest', message }],
          });
        }
        const { lockDate } = await companyOf(ctx);
        if (lockDate != null && lockDate >= previous.startDate) {
          const message = `the lock date ${lockDate} lies in ${previous.name}`;
          throw erp.error('LOCK_DATE_INVALID', message, {
            issues: [{ path: '/status', code: 'locked', message }],
          });
        }
      }
      return undefined;
    },
  });
}

import { executeRows } from '@codexion/framework/data';
import type { ActionContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { JournalLine, RevalueExchangeResponse } from '../../core/generated/client/types.gen.js';
import { toBase } from '../../core/ledger/convert.js';
import { erp } from '../erp.js';
import { type ForeignBalance, foreignBalances, revaluationState } from '../ledger/foreign-balances.js';
import { companyOf, postingContext } from '../ledger/posting-context.js';

type Adjustment = RevalueExchangeResponse['adjustments'][number];

/** Adjustment lines per journal entry (an entry holds at most 500 lines, one more for gain/loss). */
const linesPerEntry = 400;
const unitRate = 1_000_000_000;

/** The rate of `currency` on or before `date` (base per unit × 10⁹); 422 EXCHANGE_RATE_MISSING without one. */
async function closingRate(ctx: ActionContext, currency: string, date: string): Promise<number> {
  const [rate] = await executeRows<{ rate_nano: string }>(
    ctx.tx,
    sql`select rate_nano::text as rate_nano from erp.exchange_rates
         where tenant_id = ${ctx.tenantId} and currency = ${currency} and date <= ${date}::date
         order by date desc limit 1`,
  );
  if (rate !== undefined) return Number(rate.rate_nano);
  const message = `no exchange rate of ${currency} on or before ${date}: enter one (exchange-rate) first`;
  throw erp.error('EXCHANGE_RATE_MISSING', message, {
    issues: [{ path: '/id', code: 'rate-missing', message }],
    extensions: { currency, date },
  });
}

/** `amount` minor units of `currency` as text: `1234.50 USD`. */
function shown(amount: number, currency: string, exponent: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return `${sign}${whole} ${currency}`;
}

/** The journal lines of a run: one exchange adjustment per balance, the net to gain/loss. */
function revaluationLines(
  adjustments: readonly (Adjustment & { description: string })[],
  exchangeAccountId: string,
): JournalLine[] {
  const lines: JournalLine[] = adjustments.map((adjustment) => ({
    accountId: adjustment.accountId,
    partyId: adjustment.partyId,
    againstVoucherId: adjustment.againstVoucherId,
    adjustsCurrency: adjustment.currency,
    debit: Math.max(adjustment.difference, 0),
    credit: Math.max(-adjustment.difference, 0),
    description: adjustment.description,
  }));
  const net = adjustments.reduce((sum, adjustment) => sum + adjustment.difference, 0);
  if (net !== 0) {
    lines.push({
      accountId: exchangeAccountId,
      debit: Math.max(-net, 0),
      credit: Math.max(net, 0),
      description: net > 0 ? 'Unrealised exchange gain' : 'Unrealised exchange loss',
    });
  }
  return lines;
}

/**
 * `revalue-exchange` (ADR 0027 §7): the period's foreign-currency balances as of its last day
 * (`foreignBalances`: open items and foreign-currency accounts), each valued at the closing rate
 * (the `exchange-rate` on or before that day), and the differences to their base balances posted
 * as journal entries dated that day against the company's exchange gain/loss account, created and
 * posted through the engine (numbered `JV`, in every report). Each line moves its balance in base
 * only (`adjustsCurrency`), with the party and the open item it belongs to. Sets the period's
 * `revaluedAt`. The period row is locked first, so two runs take turns and the second is refused.
 *
 * Refusals, with nothing written: 422 PERIOD_CLOSED (a closed period), 409 ALREADY_REVALUED (the
 * period's revaluation stands; cancel its entry to run it again), 422 EXCHANGE_RATE_MISSING
 * (naming the currency), 409 COMPANY_NOT_SET_UP (no exchange gain/loss account).
 *
 * @example
 * const { entries, adjustments } = await revalueExchange(ctx, periodId);
 */
export async function revalueExchange(
  ctx: ActionContext,
  periodId: string,
): Promise<RevalueExchangeResponse> {
  const periods = erp.resource(ctx, 'accounting-period');
  const period = await periods.get(periodId);
  const [locked] = await executeRows<{ status: string; revalued_at: string | null }>(
    ctx.tx,
    sql`select status, revalued_at::text as revalued_at from erp.accounting_periods
         where tenant_id = ${ctx.tenantId} and id = ${period.id}::uuid for update`,
  );
  if (locked?.status !== 'open') {
    const message = `the period ${period.name} is closed: reopen it to revalue it`;
    throw erp.error('PERIOD_CLOSED', message, { issues: [{ path: '/id', code: 'period-closed', message }] });
  }
  const state = await revaluationState(ctx, { endDate: period.endDate, revaluedAt: locked.revalued_at });
  if (state === 'standing') {
    const message = `${period.name} was revalued at ${locked.revalued_at}: cancel its revaluation entry to run it again`;
    throw erp.error('ALREADY_REVALUED', message, { issues: [{ path: '/id', code: 'revalued', message }] });
  }
  const settings = await companyOf(ctx);
  const exchangeAccountId = settings.exchangeGainLossAccountId;
  if (exchangeAccountId == null) {
    throw erp.error('COMPANY_NOT_SET_UP', 'The company settings name no exchange gain/loss account');
  }
  const balances = await foreignBalances(ctx, period.endDate, settings.baseCurrency);
  const currencies = [...new Set(balances.map((balance) => balance.currency))];
  const { exponents } = await postingContext(ctx, currencies);
  const rates = new Map<string, number>();
  for (const currency of currencies) {
    if (balances.some((balance) => balance.currency === currency && balance.balanceFc !== 0)) {
      rates.set(currency, await closingRate(ctx, currency, period.endDate));
    }
  }
  const baseExponent = exponents[settings.baseCurrency] ?? 2;
  const adjustments = balances.map((balance: ForeignBalance) => {
    const fcExponent = exponents[balance.currency] ?? 2;
    const rateNano = rates.get(balance.currency) ?? unitRate;
    const revalued = toBase(balance.balanceFc, rateNano, { fcExponent, baseExponent });
    const description = `Revaluation of ${shown(balance.balanceFc, balance.currency, fcExponent)} at ${rateNano / unitRate}`;
    return { ...balance, rateNano, revalued, difference: revalued - balance.balance, description };
  });
  const changed = adjustments.filter((adjustment) => adjustment.difference !== 0);
  const entries: RevalueExchangeResponse['entries'] = [];
  const journal = erp.resource(ctx, 'journal-entry');
  for (let start = 0; start < changed.length; start += linesPerEntry) {
    const draft = await journal.create({
      postingDate: period.endDate,
      memo: `Exchange revaluation ${period.name}`,
      currency: settings.baseCurrency,
      rateNano: unitRate,
      lines: revaluationLines(changed.slice(start, start + linesPerEntry), exchangeAccountId),
      status: 'draft',
    });
    const posted = await journal.transition(draft.id, 'posted');
    entries.push({ id: posted.id, number: posted.number ?? null });
  }
  const revalued = await periods.update(period.id, { revaluedAt: new Date().toISOString() });
  return {
    period: revalued,
    entries,
    adjustments: adjustments.map(({ description: _description, ...adjustment }) => adjustment),
  };
}

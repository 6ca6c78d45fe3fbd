import type { Deal } from '../../core/generated/client/types.gen.js';

/** Fields of a deal the dashboard always has a value for (the amount, when absent, counts as 0). */
type KnownField = 'id' | 'title' | 'amount' | 'currency' | 'status' | 'pipelineId' | 'stageId';
/** Fields it shows as empty when the deal has none. */
type NullableField = 'probability' | 'expectedCloseDate' | 'closedAt' | 'companyId';

/**
 * The part of a deal the dashboard reads, typed by the contract's `Deal`: a field renamed or
 * dropped in `core/schema/deal.schema.json` leaves it, and every use of it stops compiling. List
 * answers are parsed into it by {@link toDealFacts}.
 */
export type DealFacts = {
  -readonly [K in keyof Deal as K extends KnownField ? K : never]-?: NonNullable<Deal[K]>;
} & {
  -readonly [K in keyof Deal as K extends NullableField ? K : never]-?: Exclude<Deal[K], undefined>;
};

/** A stage as the chart shows it. */
export interface StageFacts {
  id: string;
  name: string;
  position: number;
  pipelineId: string;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * Reads deals out of list answers, leaving out what cannot be one (a record without id, stage or
 * a known status): the dashboard must not break on a malformed row.
 *
 * @example
 * toDealFacts(pages.flatMap((page) => page.items))
 */
export function toDealFacts(records: readonly Record<string, unknown>[]): DealFacts[] {
  const deals: DealFacts[] = [];
  for (const record of records) {
    const id = str(record.id);
    const stageId = str(record.stageId);
    const status = record.status;
    if (!id || !stageId || (status !== 'open' && status !== 'won' && status !== 'lost')) continue;
    deals.push({
      id,
      title: str(record.title) ?? id,
      amount: num(record.amount) ?? 0,
      currency: str(record.currency) ?? 'EUR',
      status,
      pipelineId: str(record.pipelineId) ?? '',
      stageId,
      probability: num(record.probability),
      expectedCloseDate: str(record.expectedCloseDate),
      closedAt: str(record.closedAt),
      companyId: str(record.companyId),
    });
  }
  return deals;
}

/**
 * Reads stages out of list answers, by position.
 *
 * @example
 * toStageFacts(stageRecords).map((stage) => stage.name)
 */
export function toStageFacts(records: readonly Record<string, unknown>[]): StageFacts[] {
  return records
    .flatMap((record) => {
      const id = str(record.id);
      return id
        ? [
            {
              id,
              name: str(record.name) ?? id,
              position: num(record.position) ?? 0,
              pipelineId: str(record.pipelineId) ?? '',
            },
          ]
        : [];
    })
    .sort((a, b) => a.position - b.position);
}

/**
 * Open value per currency, largest first: which currencies the dashboard offers, and in which order.
 *
 * @example
 * currenciesByValue(deals) // ['EUR', 'USD', 'GBP']
 */
export function currenciesByValue(deals: readonly DealFacts[]): string[] {
  const totals = new Map<string, number>();
  for (const deal of deals) {
    if (deal.status === 'open') totals.set(deal.currency, (totals.get(deal.currency) ?? 0) + deal.amount);
  }
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([currency]) => currency);
}

export interface StageValue {
  stageId: string;
  name: string;
  /** minor units */
  value: number;
  count: number;
}

/**
 * The open value of one pipeline's stages in one currency, every stage listed (an empty stage is a
 * bar of zero, not a gap), in stage order.
 *
 * @example
 * pipelineByStage(deals, stagesOfPipeline, 'EUR') // [{ name: 'Qualified', value: 1250000, count: 3 }, …]
 */
export function pipelineByStage(
  deals: readonly DealFacts[],
  stages: readonly StageFacts[],
  currency: string,
): StageValue[] {
  return stages.map((stage) => {
    const inStage = deals.filter(
      (deal) => deal.status === 'open' && deal.stageId === stage.id && deal.currency === currency,
    );
    return {
      stageId: stage.id,
      name: stage.name,
      value: inStage.reduce((sum, deal) => sum + deal.amount, 0),
      count: inStage.length,
    };
  });
}

/** The open deals' value and their value weighted by probability, in one currency. */
export function openTotals(deals: readonly DealFacts[], currency: string) {
  const open = deals.filter((deal) => deal.status === 'open');
  const inCurrency = open.filter((deal) => deal.currency === currency);
  return {
    count: open.length,
    value: inCurrency.reduce((sum, deal) => sum + deal.amount, 0),
    weighted: Math.round(inCurrency.reduce((sum, deal) => sum + deal.amount * (deal.probability ?? 0), 0)),
  };
}

/** `YYYY-MM-DD` shifted by whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last day of the month of `YYYY-MM-DD`. */
export function endOfMonth(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return date.toISOString().slice(0, 10);
}

/**
 * Won share of the deals closed in the last `days` days up to `today`; `undefined` when none closed.
 *
 * @example
 * winRate(deals, '2026-11-16') // { won: 12, closed: 20, rate: 0.6 }
 */
export function winRate(deals: readonly DealFacts[], today: string, days = 90) {
  const since = addDays(today, -days);
  const closed = deals.filter(
    (deal) => deal.status !== 'open' && deal.closedAt && deal.closedAt.slice(0, 10) > since,
  );
  const won = closed.filter((deal) => deal.status === 'won').length;
  return { won, closed: closed.length, rate: closed.length ? won / closed.length : undefined };
}

/**
 * Open deals expected to close in the calendar month of `today`, soonest first, then largest.
 *
 * @example
 * closingThisMonth(deals, '2026-11-16').map((deal) => deal.title)
 */
export function closingThisMonth(deals: readonly DealFacts[], today: string): DealFacts[] {
  const first = `${today.slice(0, 7)}-01`;
  const last = endOfMonth(today);
  return deals
    .filter(
      (deal) =>
        deal.status === 'open' &&
        deal.expectedCloseDate !== null &&
        deal.expectedCloseDate >= first &&
        deal.expectedCloseDate <= last,
    )
    .sort(
      (a, b) => (a.expectedCloseDate ?? '').localeCompare(b.expectedCloseDate ?? '') || b.amount - a.amount,
    );
}

export interface MonthOutcome {
  /** `YYYY-MM` */
  month: string;
  won: number;
  lost: number;
}

/**
 * Won and lost deals per calendar month, the `months` months up to and including `today`'s, oldest
 * first, months without any included.
 *
 * @example
 * outcomesByMonth(deals, '2026-11-16', 6).map((m) => m.month) // ['2026-06', …, '2026-11']
 */
export function outcomesByMonth(deals: readonly DealFacts[], today: string, months = 6): MonthOutcome[] {
  const result: MonthOutcome[] = [];
  const cursor = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  cursor.setUTCMonth(cursor.getUTCMonth() - (months - 1));
  for (let index = 0; index < months; index += 1) {
    result.push({ month: cursor.toISOString().slice(0, 7), won: 0, lost: 0 });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  for (const deal of deals) {
    if (deal.status === 'open' || !deal.closedAt) continue;
    const bucket = result.find((month) => month.month === deal.closedAt?.slice(0, 7));
    if (bucket) bucket[deal.status] += 1;
  }
  return result;
}

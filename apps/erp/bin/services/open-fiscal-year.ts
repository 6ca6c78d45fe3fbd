import { validationFailed } from '@codexion/framework/errors';
import type { ActionContext } from '@codexion/framework/plugins';
import { and, gte, lte } from 'drizzle-orm';
import type { FiscalYear, OpenFiscalYearData } from '../../core/generated/client/types.gen.js';
import { fiscalYears } from '../../core/generated/tables.js';
import { erp } from '../erp.js';

/** The first and last day of each of the twelve months from `start` (a first of a month), ISO dates. */
export function monthlyPeriods(start: string): { name: string; startDate: string; endDate: string }[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(year, month - 1 + i, 1));
    const last = new Date(Date.UTC(year, month + i, 0));
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    return { name: iso(first).slice(0, 7), startDate: iso(first), endDate: iso(last) };
  });
}

/**
 * `open-fiscal-year`: a fiscal year of twelve months from `startDate` and its twelve monthly
 * accounting periods, open, in the action's transaction. 422 at `/body/startDate` when the date is
 * not the first of a month or the year overlaps another.
 *
 * @example
 * await openFiscalYear(ctx, { startDate: '2027-01-01' }) // FY 2027, periods 2027-01 … 2027-12
 */
export async function openFiscalYear(
  ctx: ActionContext,
  body: OpenFiscalYearData['body'],
  /** where the start date is in the request, for the field path of a refusal */
  path = '/body/startDate',
): Promise<FiscalYear> {
  if (!/^\d{4}-\d{2}-01$/.test(body.startDate)) {
    throw validationFailed([{ path, code: 'first-of-month', message: 'must be the first day of a month' }]);
  }
  const periods = monthlyPeriods(body.startDate);
  const endDate = periods[11]?.endDate as string;
  const overlapping = await ctx.tx
    .select({ name: fiscalYears.name })
    .from(fiscalYears)
    .where(and(lte(fiscalYears.startDate, endDate), gte(fiscalYears.endDate, body.startDate)))
    .limit(1);
  if (overlapping[0] !== undefined) {
    throw validationFailed([
      {
        path,
        code: 'overlap',
        message: `overlaps the fiscal year ${overlapping[0].name}`,
      },
    ]);
  }
  const name =
    body.name ??
    (body.startDate.endsWith('-01-01')
      ? body.startDate.slice(0, 4)
      : `${body.startDate.slice(0, 7)}/${endDate.slice(0, 7)}`);
  const year = await erp
    .resource(ctx, 'fiscal-year')
    .create({ name, startDate: body.startDate, endDate, status: 'open' });
  await erp
    .resource(ctx, 'accounting-period')
    .bulkCreate(periods.map((period) => ({ ...period, fiscalYearId: year.id, status: 'open' as const })));
  return year;
}

import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { erp } from '../erp.js';

/** What a report reads with: the action's tenant transaction (row-level security applies). */
export type ReportContext = Pick<PluginContext, 'tx' | 'tenantId'>;

/** A day before any ledger row: "since the start of the ledger". */
export const ledgerStart = '0001-01-01';

/**
 * A 422 REPORT_PARAMETERS_INVALID naming the query parameter at fault.
 *
 * @example
 * throw reportParameterError('/query/to', 'before-from', 'ends before `from` (2026-03-01)');
 */
export function reportParameterError(path: string, code: string, message: string) {
  return erp.error('REPORT_PARAMETERS_INVALID', `${path.replace('/query/', '')} ${message}`, {
    issues: [{ path, code, message }],
  });
}

/**
 * Refuses a range that ends before it starts (422 on `/query/to`); the dates themselves were
 * checked as `format: date` by the router.
 *
 * @example
 * checkRange({ from: '2026-01-01', to: '2026-03-31' });
 */
export function checkRange({ from, to }: { from: string; to: string }): void {
  if (to < from) throw reportParameterError('/query/to', 'before-from', `ends before \`from\` (${from})`);
}

/**
 * The day before `date` (`YYYY-MM-DD`), in UTC.
 *
 * @example
 * dayBefore('2026-03-01'); // '2026-02-28'
 */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Today in UTC, `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The base currency and its exponent: what every amount of a report is in, as minor units.
 * 409 COMPANY_NOT_SET_UP before `setup-company`.
 */
export async function baseCurrencyOf(ctx: ReportContext): Promise<{ currency: string; exponent: number }> {
  const [row] = await executeRows<{ currency: string; exponent: number | null }>(
    ctx.tx,
    sql`select s.base_currency as currency, c.exponent
          from erp.company_settings s
          left join erp.currencies c on c.tenant_id = s.tenant_id and c.code = s.base_currency
         where s.tenant_id = ${ctx.tenantId}`,
  );
  if (row === undefined) throw erp.error('COMPANY_NOT_SET_UP', 'Set the company up first (setup-company)');
  return { currency: row.currency, exponent: Number(row.exponent ?? 2) };
}

/**
 * A SQL `bigint`/`numeric` as a JS number (drivers answer strings, numbers or bigints), refusing
 * what a JSON number cannot hold exactly.
 *
 * @example
 * minor('123456'); // 123456
 */
export function minor(value: unknown): number {
  const number = Number(value ?? 0);
  if (!Number.isSafeInteger(number)) throw new Error(`amount ${String(value)} is not a safe integer`);
  return number;
}

/**
 * Minor units as the decimal number of major units a spreadsheet shows (`12345`, 2 → `123.45`):
 * the CSV answers' amounts.
 *
 * @example
 * majorUnits(-12345, 2); // -123.45
 */
export function majorUnits(amount: number, exponent: number): number {
  return exponent === 0 ? amount : amount / 10 ** exponent;
}

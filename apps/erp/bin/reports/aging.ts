import { executeRows } from '@codexion/framework/data';
import { sql } from 'drizzle-orm';
import type { ReportAgingResponse } from '../../core/generated/client/types.gen.js';
import { baseCurrencyOf, ledgerStart, minor, type ReportContext } from './report-parameters.js';

export type Aging = ReportAgingResponse;
/** What is open, by how long past its due date at `asOf`; amounts owed to (receivable) or by (payable) the company. */
export type AgingBuckets = Aging['totals'];
export type AgingRow = Aging['rows'][number];

/** Where the open items come from: the `erp.open_items` projection, or the ledger rows up to the date. */
export type AgingSource = 'open-items' | 'ledger';

const bucketKeys = [
  'notDue',
  'days0to30',
  'days31to60',
  'days61to90',
  'over90',
  'advances',
  'total',
] as const;

type AgingRecord = {
  party_id: string;
  party_name: string;
  account_id: string;
  open_items: unknown;
  not_due: unknown;
  days_0_30: unknown;
  days_31_60: unknown;
  days_61_90: unknown;
  over_90: unknown;
  advances: unknown;
  total: unknown;
};

/**
 * Receivables or payables at the end of `asOf` by party, bucketed by days past the due date. When
 * `asOf` is on or after the latest posting the open items (`erp.open_items`, kept by the ledger's
 * trigger) are exactly that; for an earlier date the ledger's receivable/payable rows dated up to
 * `asOf` are summed per invoice they settle (`against_voucher_id`, over `gl_entries_against_idx`).
 * `source` forces one of the two (tests compare them).
 *
 * @example
 * const { rows, totals } = await aging(ctx, { asOf: '2026-06-30', kind: 'receivable' });
 */
export async function aging(
  ctx: ReportContext,
  { asOf, kind, source }: { asOf: string; kind: 'receivable' | 'payable'; source?: AgingSource },
): Promise<Aging> {
  const { currency } = await baseCurrencyOf(ctx);
  const tenant = sql`${ctx.tenantId}::uuid`;
  let from = source;
  if (from === undefined) {
    const [latest] = await executeRows<{ last: string | null }>(
      ctx.tx,
      sql`select max(posting_date)::text as last from erp.gl_entries where tenant_id = ${tenant}`,
    );
    from = latest?.last == null || latest.last <= asOf ? 'open-items' : 'ledger';
  }
  const items =
    from === 'open-items'
      ? sql`select o.voucher_id, o.party_id, o.account_id, o.due_date, o.balance
              from erp.open_items o
              join erp.accounts a on a.tenant_id = o.tenant_id and a.id = o.account_id
             where o.tenant_id = ${tenant} and o.balance <> 0 and a.account_type = ${kind}`
      : sql`select g.against_voucher_id as voucher_id, min(g.party_id::text)::uuid as party_id,
                   min(g.account_id::text)::uuid as account_id, max(g.due_date) as due_date,
                   sum(g.debit - g.credit) as balance
              from erp.gl_entries g
              join erp.accounts a on a.tenant_id = g.tenant_id and a.id = g.account_id
             where g.tenant_id = ${tenant} and g.against_voucher_id is not null and g.party_id is not null
               and a.account_type = ${kind} and g.posting_date <= ${asOf}::date
             group by g.against_voucher_id
            having sum(g.debit - g.credit) <> 0`;
  const sign = kind === 'receivable' ? 1 : -1;
  const overdue = sql`(${asOf}::date - i.due_date)`;
  const bucket = (condition: ReturnType<typeof sql>) =>
    sql`coalesce(sum(case when ${condition} then i.balance * ${sign}::integer end), 0)::bigint`;
  const records = await executeRows<AgingRecord>(
    ctx.tx,
    sql`with i as (${items})
        select i.party_id, p.name as party_name, i.account_id, count(*) as open_items,
               ${bucket(sql`i.due_date is not null and ${overdue} < 0`)} as not_due,
               ${bucket(sql`${overdue} between 0 and 30`)} as days_0_30,
               ${bucket(sql`${overdue} between 31 and 60`)} as days_31_60,
               ${bucket(sql`${overdue} between 61 and 90`)} as days_61_90,
               ${bucket(sql`${overdue} > 90`)} as over_90,
               ${bucket(sql`i.due_date is null`)} as advances,
               ${bucket(sql`true`)} as total
          from i join erp.parties p on p.tenant_id = ${tenant} and p.id = i.party_id
         group by i.party_id, p.name, i.account_id
         order by p.name, i.party_id, i.account_id`,
  );
  const totals: AgingBuckets = {
    notDue: 0,
    days0to30: 0,
    days31to60: 0,
    days61to90: 0,
    over90: 0,
    advances: 0,
    total: 0,
  };
  const rows = records.map((record): AgingRow => {
    const row: AgingRow = {
      partyId: record.party_id,
      partyName: record.party_name,
      accountId: record.account_id,
      openItems: minor(record.open_items),
      notDue: minor(record.not_due),
      days0to30: minor(record.days_0_30),
      days31to60: minor(record.days_31_60),
      days61to90: minor(record.days_61_90),
      over90: minor(record.over_90),
      advances: minor(record.advances),
      total: minor(record.total),
      drill: { accountId: record.account_id, from: ledgerStart, to: asOf, partyId: record.party_id },
    };
    for (const key of bucketKeys) totals[key] += row[key];
    return row;
  });
  return { asOf, kind, currency, rows, totals };
}

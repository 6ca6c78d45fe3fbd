import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** What an invoice, credit note or advance still owes, from `erp.open_items` (ADR 0027 §5). */
export interface OpenItem {
  voucherId: string;
  partyId: string;
  accountId: string;
  currency: string;
  dueDate: string | null;
  /** debit − credit in base minor units: > 0 owed to the company, < 0 owed by it */
  balance: number;
  /** the same in the item's currency */
  balanceFc: number;
}

/** An `erp.open_items` row as the driver answers it (bigints as text). */
type OpenItemColumns = {
  voucher_id: string;
  party_id: string;
  account_id: string;
  currency: string;
  due_date: string | null;
  balance: string;
  balance_fc: string;
};

function openItemOf(row: OpenItemColumns): OpenItem {
  return {
    voucherId: row.voucher_id,
    partyId: row.party_id,
    accountId: row.account_id,
    currency: row.currency.trim(),
    dueDate: row.due_date,
    balance: Number(row.balance),
    balanceFc: Number(row.balance_fc),
  };
}

/**
 * The open items of `voucherIds`, locked `FOR UPDATE` in id order until the caller's transaction
 * ends: two postings settling the same invoice take turns, and the second reads what the first
 * left (READ COMMITTED re-reads a row it waited for). Ids without an open item are absent.
 *
 * @example
 * const [item] = await lockOpenItems(ctx, [invoiceId]);
 */
export async function lockOpenItems(ctx: Ctx, voucherIds: readonly string[]): Promise<Map<string, OpenItem>> {
  const ids = [...new Set(voucherIds.map((id) => id.toLowerCase()))].sort();
  if (ids.length === 0) return new Map();
  const rows = await executeRows<OpenItemColumns>(
    ctx.tx,
    sql`select voucher_id, party_id, account_id, currency, due_date::text as due_date, balance, balance_fc
          from erp.open_items
         where tenant_id = ${ctx.tenantId} and voucher_id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         order by voucher_id
           for update`,
  );
  return new Map(rows.map((row) => [row.voucher_id, openItemOf(row)]));
}

/**
 * The numbers of the other vouchers (payments, credit notes) that still settle part of
 * `voucherId`: those whose rows against it do not sum to zero once their reversals are counted.
 * Empty when nothing is allocated to it.
 *
 * @example
 * if ((await settlementsOf(ctx, invoice.id)).length > 0) throw erp.error('INVOICE_ALLOCATED', …);
 */
export async function settlementsOf(ctx: Ctx, voucherId: string): Promise<string[]> {
  const rows = await executeRows<{ voucher_no: string }>(
    ctx.tx,
    sql`select min(voucher_no) as voucher_no from erp.gl_entries
         where tenant_id = ${ctx.tenantId} and against_voucher_id = ${voucherId}::uuid
           and voucher_id <> ${voucherId}::uuid
         group by voucher_id having sum(debit - credit) <> 0 or sum(debit_fc - credit_fc) <> 0
         order by 1`,
  );
  return rows.map((row) => row.voucher_no);
}

/** One row of `GET /open-items`: an open item with the number and type of the voucher it belongs to. */
export interface OpenItemRow extends OpenItem {
  voucherType: string;
  number: string;
  kind: 'receivable' | 'payable';
}

/**
 * The open items whose balance is not zero, for one party and/or one side (receivable, payable),
 * oldest due first (advances, without a due date, last): what the allocation picker offers.
 *
 * @example
 * const items = await listOpenItems(ctx, { partyId, kind: 'receivable' });
 */
export async function listOpenItems(
  ctx: Ctx,
  { partyId, kind }: { partyId?: string; kind?: 'receivable' | 'payable' } = {},
): Promise<OpenItemRow[]> {
  const rows = await executeRows<
    OpenItemColumns & { voucher_type: string; voucher_no: string; kind: 'receivable' | 'payable' }
  >(
    ctx.tx,
    sql`select o.voucher_id, v.voucher_type, v.voucher_no, o.party_id, o.account_id, a.account_type as kind,
               o.currency, o.due_date::text as due_date, o.balance::text as balance, o.balance_fc::text as balance_fc
          from erp.open_items o
          join erp.accounts a on a.tenant_id = o.tenant_id and a.id = o.account_id
          cross join lateral (
            select g.voucher_type, g.voucher_no from erp.gl_entries g
             where g.tenant_id = o.tenant_id and g.voucher_id = o.voucher_id
             order by g.id limit 1) v
         where o.tenant_id = ${ctx.tenantId} and o.balance <> 0
           ${partyId === undefined ? sql`` : sql`and o.party_id = ${partyId}::uuid`}
           ${kind === undefined ? sql`` : sql`and a.account_type = ${kind}`}
         order by o.due_date nulls last, v.voucher_no
         limit 10000`,
  );
  return rows.map((row) => ({
    ...openItemOf(row),
    voucherType: row.voucher_type,
    number: row.voucher_no,
    kind: row.kind,
  }));
}

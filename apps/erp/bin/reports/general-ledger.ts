import { executeRows } from '@codexion/framework/data';
import { type SQL, sql } from 'drizzle-orm';
import type {
  ReportGeneralLedgerData,
  ReportGeneralLedgerResponse,
} from '../../core/generated/client/types.gen.js';
import { accountBalances } from './account-balances.js';
import {
  baseCurrencyOf,
  checkRange,
  minor,
  type ReportContext,
  reportParameterError,
} from './report-parameters.js';

export type GeneralLedger = ReportGeneralLedgerResponse;
/** One ledger row, with what drills down to its document (`voucherType`, `voucherId`). */
export type GeneralLedgerRow = GeneralLedger['rows'][number];
export type GeneralLedgerQuery = Omit<ReportGeneralLedgerData['query'], 'format'>;

/** Where a page ends: the last row's (posting date, id). */
interface Cursor {
  date: string;
  id: number;
}

/**
 * The opaque `cursor` of the page after `row`.
 *
 * @example
 * encodeCursor({ date: '2026-03-02', id: 41 }); // 'MjAyNi0wMy0wMi40MQ'
 */
export function encodeCursor({ date, id }: Cursor): string {
  return Buffer.from(`${date}.${id}`).toString('base64url');
}

/** The cursor a page gave, or a 422 on `/query/cursor` for anything else. */
function decodeCursor(cursor: string, { from, to }: { from: string; to: string }): Cursor {
  const match = /^(\d{4}-\d{2}-\d{2})\.([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  const date = match?.[1];
  const id = Number(match?.[2]);
  if (date === undefined || !Number.isSafeInteger(id) || date < from || date > to) {
    throw reportParameterError('/query/cursor', 'invalid-cursor', 'is not a cursor of this report and range');
  }
  return { date, id };
}

type LedgerRowRecord = {
  id: unknown;
  posting_date: string;
  voucher_type: string;
  voucher_id: string;
  voucher_no: string;
  account_id: string;
  party_id: string | null;
  party_name: string | null;
  against_voucher_id: string | null;
  remarks: string | null;
  debit: unknown;
  credit: unknown;
};

/** The account and, for a group, its ledger accounts; 422 on `/query/accountId` when it is not in the chart. */
async function ledgerAccountsOf(ctx: ReportContext, accountId: string): Promise<string[]> {
  const rows = await executeRows<{ id: string; is_group: boolean }>(
    ctx.tx,
    sql`with recursive below as (
          select id, is_group from erp.accounts where tenant_id = ${ctx.tenantId} and id = ${accountId}::uuid
          union all
          select a.id, a.is_group from below join erp.accounts a
            on a.tenant_id = ${ctx.tenantId} and a.parent_id = below.id
        )
        select id, is_group from below`,
  );
  if (rows.length === 0)
    throw reportParameterError('/query/accountId', 'not-found', 'is not an account of this chart');
  return rows.filter((row) => !row.is_group).map((row) => row.id);
}

/**
 * The ledger of an account (a group's: of its ledger accounts), or of one party on it, over
 * [`from`, `to`], a page of rows at a time in (posting date, id) order over
 * `gl_entries_account_idx`, each with its running balance. The opening and the balance before the
 * page come from the period totals and the cut periods' rows (`accountBalances`), or, for one
 * party, from the party's rows (`gl_entries_party_idx`). 422 on the parameter at fault.
 *
 * @example
 * const first = await generalLedger(ctx, { accountId, from: '2026-01-01', to: '2026-03-31' });
 * const next = await generalLedger(ctx, { accountId, from, to, cursor: first.nextCursor ?? undefined });
 */
export async function generalLedger(ctx: ReportContext, query: GeneralLedgerQuery): Promise<GeneralLedger> {
  const { accountId, from, to, partyId, limit = 200 } = query;
  checkRange({ from, to });
  const { currency } = await baseCurrencyOf(ctx);
  const accounts = await ledgerAccountsOf(ctx, accountId);
  if (partyId !== undefined) {
    const [party] = await executeRows<{ id: string }>(
      ctx.tx,
      sql`select id from erp.parties where tenant_id = ${ctx.tenantId} and id = ${partyId}::uuid`,
    );
    if (party === undefined)
      throw reportParameterError('/query/partyId', 'not-found', 'is not a party of this company');
  }
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, { from, to });
  const inAccounts =
    accounts.length === 0
      ? sql`false`
      : sql`g.account_id in (${sql.join(
          accounts.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const ofParty = partyId === undefined ? sql`true` : sql`g.party_id = ${partyId}::uuid`;

  /** Σ debit − credit of the selected rows before (date, id), or up to and including `date` when id is omitted */
  const rawBalance = async (before: SQL): Promise<number> => {
    const [row] = await executeRows<{ balance: unknown }>(
      ctx.tx,
      sql`select coalesce(sum(g.debit - g.credit), 0)::bigint as balance from erp.gl_entries g
           where g.tenant_id = ${ctx.tenantId} and ${inAccounts} and ${ofParty} and ${before}`,
    );
    return minor(row?.balance);
  };

  let opening: number;
  let closing: number;
  let start: number;
  if (partyId === undefined) {
    const balances = await accountBalances(ctx, { from, to });
    const account = balances.find((row) => row.accountId === accountId);
    opening = account?.opening ?? 0;
    closing = account?.closing ?? 0;
    start = opening;
    if (cursor !== undefined) {
      const atDay = await accountBalances(ctx, { from: cursor.date, to: cursor.date });
      start =
        (atDay.find((row) => row.accountId === accountId)?.opening ?? 0) +
        (await rawBalance(sql`g.posting_date = ${cursor.date}::date and g.id <= ${cursor.id}`));
    }
  } else {
    opening = await rawBalance(sql`g.posting_date < ${from}::date`);
    closing = await rawBalance(sql`g.posting_date <= ${to}::date`);
    start =
      cursor === undefined
        ? opening
        : await rawBalance(
            sql`(g.posting_date < ${cursor.date}::date or (g.posting_date = ${cursor.date}::date and g.id <= ${cursor.id}))`,
          );
  }

  const after =
    cursor === undefined
      ? sql`true`
      : sql`(g.posting_date, g.id) > (${cursor.date}::date, ${cursor.id}::bigint)`;
  const records = await executeRows<LedgerRowRecord>(
    ctx.tx,
    sql`select g.id, g.posting_date::text as posting_date, g.voucher_type, g.voucher_id, g.voucher_no, g.account_id,
               g.party_id, p.name as party_name, g.against_voucher_id, g.remarks, g.debit, g.credit
          from erp.gl_entries g
          left join erp.parties p on p.tenant_id = g.tenant_id and p.id = g.party_id
         where g.tenant_id = ${ctx.tenantId} and ${inAccounts} and ${ofParty}
           and g.posting_date between ${from}::date and ${to}::date and ${after}
         order by g.posting_date, g.id
         limit ${limit + 1}`,
  );
  let balance = start;
  const rows = records.slice(0, limit).map((record): GeneralLedgerRow => {
    const debit = minor(record.debit);
    const credit = minor(record.credit);
    balance += debit - credit;
    return {
      id: minor(record.id),
      postingDate: record.posting_date,
      voucherType: record.voucher_type,
      voucherId: record.voucher_id,
      voucherNo: record.voucher_no,
      accountId: record.account_id,
      partyId: record.party_id,
      partyName: record.party_name,
      againstVoucherId: record.against_voucher_id,
      remarks: record.remarks,
      debit,
      credit,
      balance,
    };
  });
  const last = rows.at(-1);
  const nextCursor =
    records.length > limit && last !== undefined
      ? encodeCursor({ date: last.postingDate, id: last.id })
      : null;
  return { accountId, from, to, partyId: partyId ?? null, currency, opening, closing, rows, nextCursor };
}

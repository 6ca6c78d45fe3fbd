import { executeRows, pgErrorOf } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { erp } from '../erp.js';
import { type LedgerAccount, type PeriodState, postablePeriod } from './posting-facts.js';

/** One general-ledger row as a document posts it; amounts in minor units, never negative. */
export interface LedgerRow {
  accountId: string;
  partyId?: string | null;
  costCenterId?: string | null;
  /** receivable/payable rows: the invoice (or, for an advance, the payment) the row is owed against */
  againstVoucherId?: string | null;
  dueDate?: string | null;
  /** base currency */
  debit: number;
  credit: number;
  /** transaction currency (`currency`); the base amounts when omitted */
  debitFc?: number;
  creditFc?: number;
  currency: string;
  rateNano: number;
  remarks?: string | null;
  /** the cancelled row this one reverses */
  reversesId?: number | null;
  /** where the row comes from in the document (`/lines/2`), for the field path of a refusal */
  path?: string;
  /** the field that chose the row's account, when not `<path>/accountId` (`/bankAccountId`, `/partyId`) */
  accountPath?: string;
}

/** A voucher: the rows one document posts on one date, which must balance in the base currency. */
export interface Voucher {
  voucherType: string;
  voucherId: string;
  voucherNo: string;
  postingDate: string;
  rows: readonly LedgerRow[];
}

/**
 * What the caller read and checked already in the posting's transaction (`postingFacts`): the
 * open period of the voucher's date, locked `FOR SHARE`, and accounts by id in lower case.
 */
export interface CheckedFacts {
  periodId?: string;
  accounts?: ReadonlyMap<string, LedgerAccount>;
}

export interface PostedVoucher {
  periodId: string;
  /** the ids of the inserted rows, in the order of `rows` */
  rowIds: number[];
}

type Ctx = Pick<PluginContext, 'tx' | 'tenantId' | 'userId'>;

/**
 * The open accounting period holding `postingDate`, held `FOR SHARE` until the posting commits so
 * that a concurrent close waits for it (ADR 0027 §7), read with the lock date in one statement.
 * 422 PERIOD_CLOSED when no open period holds the date or the date is on or before the lock date.
 */
export async function openPeriodFor(ctx: Ctx, postingDate: string, path = '/postingDate'): Promise<string> {
  const [row] = await executeRows<{ period: PeriodState | null; lock_date: string | null }>(
    ctx.tx,
    sql`select (select to_jsonb(p) from (select id, name, status from erp.accounting_periods
                  where tenant_id = ${ctx.tenantId} and start_date <= ${postingDate}::date
                    and end_date >= ${postingDate}::date
                  for share) p) as period,
               (select lock_date::text from erp.company_settings where tenant_id = ${ctx.tenantId}) as lock_date`,
  );
  return postablePeriod(row?.period, row?.lock_date, postingDate, path);
}

/**
 * Checks the accounts of the rows before anything is written, so a refusal names the line: each
 * must exist, be a ledger (not group) account, not frozen, and have a party when it is a
 * receivable or payable account. The database's guard trigger refuses the same rows (the
 * backstop against any other writer). Accounts not in `known` (by id in lower case, as
 * `postingFacts` read them) are read in one statement.
 */
async function checkAccounts(
  ctx: Ctx,
  rows: readonly LedgerRow[],
  known: ReadonlyMap<string, LedgerAccount> = new Map(),
): Promise<void> {
  const missing = [...new Set(rows.map((row) => row.accountId.toLowerCase()))].filter((id) => !known.has(id));
  const read =
    missing.length === 0
      ? []
      : await executeRows<LedgerAccount & Record<string, unknown>>(
          ctx.tx,
          sql`select id, name, is_group, frozen, account_type from erp.accounts
               where tenant_id = ${ctx.tenantId} and id in (${sql.join(
                 missing.map((id) => sql`${id}::uuid`),
                 sql`, `,
               )})`,
        );
  const byId = new Map([
    ...known,
    ...read.map((account): [string, LedgerAccount] => [account.id.toLowerCase(), account]),
  ]);
  rows.forEach((row, index) => {
    const path = row.accountPath ?? `${row.path ?? `/rows/${index}`}/accountId`;
    const account = byId.get(row.accountId.toLowerCase());
    const refuse = (message: string) =>
      erp.error('ACCOUNT_NOT_POSTABLE', message, { issues: [{ path, code: 'not-postable', message }] });
    if (account === undefined) throw refuse('is not an account of this chart');
    if (account.is_group)
      throw refuse(`${account.name} is a group account: post to one of its ledger accounts`);
    if (account.frozen) throw refuse(`${account.name} is frozen`);
    if ((account.account_type === 'receivable' || account.account_type === 'payable') && !row.partyId) {
      const message = `${account.name} is a ${account.account_type} account: the line needs a party`;
      throw erp.error('PARTY_REQUIRED', message, {
        issues: [{ path: `${row.path ?? `/rows/${index}`}/partyId`, code: 'required', message }],
      });
    }
  });
}

/** Σ debit − Σ credit in the base currency. */
function imbalance(rows: readonly LedgerRow[]): number {
  return rows.reduce((sum, row) => sum + row.debit - row.credit, 0);
}

/**
 * Writes a voucher's rows to `erp.gl_entries` in the caller's transaction — the only writer of the
 * ledger — after checking the period, the lock date and the accounts, and checks the balance
 * there and then (`SET CONSTRAINTS … IMMEDIATE`, `erp.check_vouchers_balanced()`) instead of at COMMIT. Refusals are 422s with the
 * app's codes: LEDGER_UNBALANCED, PERIOD_CLOSED, ACCOUNT_NOT_POSTABLE, PARTY_REQUIRED, their
 * paths relative to the document (`/lines/2/accountId`: the resource routes prefix `/body`). The
 * statement trigger on the ledger keeps the period totals and open items in the same transaction.
 * What `checked` holds (from `postingFacts`) is not read again.
 *
 * @example
 * await postVoucher(ctx, { voucherType: 'journal-entry', voucherId: entry.id, voucherNo: entry.number,
 *   postingDate: entry.postingDate, rows: journalEntryRows(entry, posting) });
 */
export async function postVoucher(
  ctx: Ctx,
  voucher: Voucher,
  checked: CheckedFacts = {},
): Promise<PostedVoucher> {
  if (voucher.rows.length === 0) {
    throw erp.error('LEDGER_UNBALANCED', 'A voucher needs rows to post', {
      issues: [{ path: '/lines', code: 'empty', message: 'has nothing to post' }],
    });
  }
  const difference = imbalance(voucher.rows);
  if (difference !== 0) {
    const message = `Debits and credits differ by ${difference} minor units`;
    throw erp.error('LEDGER_UNBALANCED', message, {
      issues: [{ path: '/lines', code: 'unbalanced', message }],
    });
  }
  const periodId = checked.periodId ?? (await openPeriodFor(ctx, voucher.postingDate));
  await checkAccounts(ctx, voucher.rows, checked.accounts);
  const values = voucher.rows.map(
    (
      row,
    ) => sql`(${ctx.tenantId}::uuid, ${voucher.voucherType}, ${voucher.voucherId}::uuid, ${voucher.voucherNo},
      ${voucher.postingDate}::date, ${periodId}::uuid, ${row.accountId}::uuid, ${row.partyId ?? null}::uuid,
      ${row.costCenterId ?? null}::uuid, ${row.againstVoucherId ?? null}::uuid, ${row.dueDate ?? null}::date,
      ${row.debit}::bigint, ${row.credit}::bigint, ${row.currency}, ${row.debitFc ?? row.debit}::bigint,
      ${row.creditFc ?? row.credit}::bigint, ${row.rateNano}::bigint, ${row.reversesId ?? null}::bigint,
      ${row.remarks ?? null}, ${ctx.userId ?? null}::uuid)`,
  );
  try {
    // the rows and the balance check (`set constraints … immediate` then `… deferred`, migration
    // 0002) sent together: one wait instead of two while the posting holds its number (ADR 0027
    // §13). A refused insert aborts the transaction, so the check then fails too, after it: the
    // insert's error is the one that rejects first
    const [inserted] = await Promise.all([
      executeRows<{ id: string }>(
        ctx.tx,
        sql`insert into erp.gl_entries (tenant_id, voucher_type, voucher_id, voucher_no, posting_date, period_id,
              account_id, party_id, cost_center_id, against_voucher_id, due_date, debit, credit, currency,
              debit_fc, credit_fc, rate_nano, reverses_id, remarks, created_by)
            values ${sql.join(values, sql`, `)} returning id`,
      ),
      ctx.tx.execute(sql`select erp.check_vouchers_balanced()`),
    ]);
    return { periodId, rowIds: inserted.map((row) => Number(row.id)) };
  } catch (error) {
    throw ledgerRefusal(error) ?? error;
  }
}

const refusals: Record<string, [code: Parameters<typeof erp.error>[0], message: string]> = {
  gl_voucher_balanced: ['LEDGER_UNBALANCED', 'Debits do not equal credits in the base currency'],
  gl_account_postable: ['ACCOUNT_NOT_POSTABLE', 'A row goes to a group or frozen account'],
  gl_party_required: ['PARTY_REQUIRED', 'A receivable or payable row has no party'],
  gl_period_open: ['PERIOD_CLOSED', 'The posting date is not in an open period'],
  gl_after_lock_date: ['PERIOD_CLOSED', 'The posting date is on or before the lock date'],
};

/** The ledger triggers' check violations (by constraint name) as the app's 422s; other errors as they are. */
export function ledgerRefusal(error: unknown) {
  const info = pgErrorOf(error);
  if (info?.code !== '23514' || info.constraint === undefined) return undefined;
  const refusal = refusals[info.constraint];
  if (refusal === undefined) return undefined;
  const [code, message] = refusal;
  return erp.error(code, message, { issues: [{ path: '', code: info.constraint, message }] });
}

import { executeRows } from '@codexion/framework/data';
import { validationFailed } from '@codexion/framework/errors';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { LedgerInputError } from '../../core/ledger/ledger-input-error.js';
import { reverseRows, type VoucherRow } from '../../core/ledger/voucher-rows.js';
import { erp } from '../erp.js';
import { type CheckedFacts, type LedgerRow, type PostedVoucher, postVoucher } from './post-voucher.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId' | 'userId'>;

/** The posted document a voucher belongs to: its id, number and posting date. */
export interface PostingDocument {
  id: string;
  number?: string | null;
  postingDate: string;
}

/** Where a row's line and account are in the document, for the field path of a refusal. */
export type RowPaths = (row: VoucherRow) => Pick<LedgerRow, 'path' | 'accountPath'>;

/**
 * Runs one of `core/ledger`'s pure functions and turns its `LedgerInputError` into a 422 naming
 * the field; an unbalanced voucher is LEDGER_UNBALANCED.
 *
 * @example
 * const rows = ledgerInput(() => salesInvoiceRows(invoice, context));
 */
export function ledgerInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof LedgerInputError)) throw error;
    const issue = { path: error.path, code: 'ledger', message: error.message };
    if (/must equal credits/.test(error.message)) {
      throw erp.error('LEDGER_UNBALANCED', error.message, { issues: [{ ...issue, code: 'unbalanced' }] });
    }
    throw validationFailed([issue], error.message);
  }
}

/**
 * A 422 VALIDATION_FAILED naming one field of the document (`/allocations/0/invoiceId`).
 *
 * @example
 * throw fieldRefusal('/partyId', 'party-kind', 'Papier & Co is not a customer');
 */
export function fieldRefusal(path: string, code: string, message: string) {
  return validationFailed([{ path, code, message }], message);
}

/**
 * Writes a posted document's rows (from `core/ledger/voucher-rows.ts`) with `postVoucher`, under
 * the document's id, number and posting date, each row carrying the path of the line it comes from;
 * `checked` passes on what the posting read already (`postingFacts`).
 *
 * @example
 * await postDocument(ctx, 'sales-invoice', invoice, rows, (row) => ({ path: `/lines/${row.lineIndex}` }));
 */
export function postDocument(
  ctx: Ctx,
  voucherType: string,
  document: PostingDocument,
  rows: readonly VoucherRow[],
  paths: RowPaths,
  checked?: CheckedFacts,
): Promise<PostedVoucher> {
  return postVoucher(
    ctx,
    {
      voucherType,
      voucherId: document.id,
      voucherNo: document.number ?? '',
      postingDate: document.postingDate,
      rows: rows.map((row) => ({ ...row, ...paths(row) })),
    },
    checked,
  );
}

type StoredRow = {
  id: string;
  account_id: string;
  party_id: string | null;
  cost_center_id: string | null;
  against_voucher_id: string | null;
  due_date: string | null;
  debit: string;
  credit: string;
  debit_fc: string;
  credit_fc: string;
  currency: string;
  rate_nano: string;
  remarks: string | null;
  voucher_no: string;
};

/** Whether `date` lies in an open period and after the lock date. */
async function postableOn(ctx: Ctx, date: string): Promise<boolean> {
  const [row] = await executeRows<{ ok: boolean }>(
    ctx.tx,
    sql`select exists (
          select 1 from erp.accounting_periods p
           where p.tenant_id = ${ctx.tenantId} and p.status = 'open'
             and ${date}::date between p.start_date and p.end_date)
        and not exists (
          select 1 from erp.company_settings s
           where s.tenant_id = ${ctx.tenantId} and s.lock_date is not null and ${date}::date <= s.lock_date) as ok`,
  );
  return row?.ok === true;
}

/** Today's date in UTC, `YYYY-MM-DD`. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Cancels a posted document in the ledger: appends the reversal of each of its rows (debit and
 * credit swapped, in base and in the document currency, `reverses_id` naming the row), so the
 * voucher sums to zero on every account and its open items go back to what they were. The
 * reversal is dated the document's own posting date while that period is open and after the
 * lock date, otherwise today; when today is not postable either, 422 PERIOD_CLOSED.
 *
 * @returns the date the reversal was posted on
 * @example
 * await reverseDocument(ctx, 'payment', payment);
 */
export async function reverseDocument(
  ctx: Ctx,
  voucherType: string,
  document: PostingDocument,
): Promise<string> {
  const stored = await executeRows<StoredRow>(
    ctx.tx,
    sql`select g.id, g.account_id, g.party_id, g.cost_center_id, g.against_voucher_id, g.due_date::text as due_date,
               g.debit, g.credit, g.debit_fc, g.credit_fc, g.currency, g.rate_nano, g.remarks, g.voucher_no
          from erp.gl_entries g
         where g.tenant_id = ${ctx.tenantId} and g.voucher_id = ${document.id}::uuid and g.reverses_id is null
           and not exists (select 1 from erp.gl_entries r
                            where r.tenant_id = g.tenant_id and r.reverses_id = g.id)
         order by g.id`,
  );
  if (stored.length === 0) return document.postingDate;
  const rows = stored.map(
    (row): VoucherRow => ({
      accountId: row.account_id,
      partyId: row.party_id,
      costCenterId: row.cost_center_id,
      againstVoucherId: row.against_voucher_id,
      dueDate: row.due_date,
      debit: Number(row.debit),
      credit: Number(row.credit),
      debitFc: Number(row.debit_fc),
      creditFc: Number(row.credit_fc),
      currency: row.currency.trim(),
      rateNano: Number(row.rate_nano),
      remarks: row.remarks,
    }),
  );
  const date = (await postableOn(ctx, document.postingDate)) ? document.postingDate : today();
  await postVoucher(ctx, {
    voucherType,
    voucherId: document.id,
    voucherNo: stored[0]?.voucher_no ?? document.number ?? '',
    postingDate: date,
    rows: reverseRows(rows).map((row, index) => ({
      ...row,
      reversesId: Number(stored[index]?.id),
      path: '',
      accountPath: '/status',
    })),
  });
  return date;
}

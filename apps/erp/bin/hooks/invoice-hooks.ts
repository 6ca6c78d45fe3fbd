import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { and, eq } from 'drizzle-orm';
import type { PurchaseInvoice, SalesInvoice } from '../../core/generated/client/types.gen.js';
import { purchaseInvoices, salesInvoices } from '../../core/generated/tables.js';
import { invoiceTotals } from '../../core/ledger/invoice-totals.js';
import {
  type PostingContext,
  purchaseInvoiceRows,
  salesInvoiceRows,
  type VoucherRow,
} from '../../core/ledger/voucher-rows.js';
import { type ErpEventOutbox, erp } from '../erp.js';
import { type DocumentSeries, documentNumber } from '../ledger/document-number.js';
import { lockOpenItems, settlementsOf } from '../ledger/open-items.js';
import { fieldRefusal, ledgerInput, postDocument, reverseDocument } from '../ledger/post-document.js';
import { type PostingFacts, postablePeriod, postingFacts } from '../ledger/posting-facts.js';

/** Sales and purchase invoices have the same fields; this names what differs between them. */
interface InvoiceSide {
  voucherType: 'sales-invoice' | 'purchase-invoice';
  table: typeof salesInvoices | typeof purchaseInvoices;
  partyKind: 'customer' | 'supplier';
  series: Record<SalesInvoice['kind'], DocumentSeries>;
  rows: (invoice: SalesInvoice, context: PostingContext) => VoucherRow[];
  /** +1 when the invoice is owed to the company (sales), −1 when by it (purchases) */
  sign: 1 | -1;
}

const sales: InvoiceSide = {
  voucherType: 'sales-invoice',
  table: salesInvoices,
  partyKind: 'customer',
  series: { invoice: 'SINV', 'credit-note': 'SCN' },
  rows: salesInvoiceRows,
  sign: 1,
};

const purchases: InvoiceSide = {
  voucherType: 'purchase-invoice',
  table: purchaseInvoices,
  partyKind: 'supplier',
  series: { invoice: 'PINV', 'credit-note': 'PCN' },
  rows: purchaseInvoiceRows,
  sign: -1,
};

type Invoice = SalesInvoice;

function withTotals(invoice: Draft<Invoice>): Draft<Invoice> {
  const { net, tax, total } = ledgerInput(() => invoiceTotals(invoice.lines));
  return { ...invoice, net, tax, total };
}

/**
 * What the posting of an invoice read in its `beforeUpdate`, for its `afterUpdate` (the engine
 * gives both one context per write): the ledger rows are written without reading it all again.
 */
const readForPosting = new WeakMap<HookContext, PostingFacts>();

/** What an invoice's posting reads, in one statement (`postingFacts`). */
function invoiceFacts(ctx: HookContext, invoice: Draft<Invoice>): Promise<PostingFacts> {
  const accountIds = invoice.lines.flatMap((line) =>
    [line.accountId, line.taxAccountId].filter((id): id is string => id != null),
  );
  return postingFacts(ctx, {
    codes: [invoice.currency],
    partyId: invoice.partyId,
    postingDate: invoice.postingDate,
    accountIds,
  });
}

/** The invoice's party must be a customer (sales) or a supplier (purchases). */
function checkParty(side: InvoiceSide, party: PostingFacts['party']): void {
  if (party !== undefined && party.kind !== side.partyKind) {
    throw fieldRefusal('/partyId', 'party-kind', `${party.name} is not a ${side.partyKind}`);
  }
}

/**
 * A credit note against an invoice: the invoice must be a posted invoice of the same party and
 * currency, and still owe at least the credit note's total (its open item is locked until the
 * posting commits, like a payment's allocations).
 */
async function checkCreditNote(ctx: HookContext, side: InvoiceSide, note: Draft<Invoice>): Promise<void> {
  const originalId = note.returnAgainstId;
  if (note.kind !== 'credit-note' || originalId == null) return;
  const path = '/returnAgainstId';
  const [original] = await ctx.tx
    .select({
      status: side.table.status,
      kind: side.table.kind,
      partyId: side.table.partyId,
      currency: side.table.currency,
      number: side.table.number,
    })
    .from(side.table)
    .where(and(eq(side.table.tenantId, ctx.tenantId), eq(side.table.id, originalId)));
  if (original === undefined || original.status !== 'posted' || original.kind !== 'invoice') {
    throw fieldRefusal(
      path,
      'posted-invoice',
      `must be a posted ${side.voucherType}, not a draft, cancelled or credit note`,
    );
  }
  if (original.partyId.toLowerCase() !== note.partyId.toLowerCase()) {
    throw fieldRefusal(path, 'same-party', `${original.number} belongs to another party`);
  }
  if (original.currency !== note.currency) {
    throw fieldRefusal(
      path,
      'same-currency',
      `${original.number} is in ${original.currency}, not ${note.currency}`,
    );
  }
  const item = (await lockOpenItems(ctx, [originalId])).get(originalId.toLowerCase());
  const owed = item === undefined ? 0 : item.balanceFc * side.sign;
  const total = note.total ?? 0;
  if (total > owed) {
    const message = `credits ${total} but ${original.number} still owes ${owed}`;
    throw erp.error('OVER_ALLOCATED', message, {
      issues: [{ path, code: 'over-allocated', message }],
    });
  }
}

/** 409 INVOICE_ALLOCATED while payments or credit notes settle part of the invoice. */
async function checkNotSettled(ctx: HookContext, invoice: Invoice): Promise<void> {
  await lockOpenItems(ctx, [invoice.id]);
  const settlements = await settlementsOf(ctx, invoice.id);
  if (settlements.length > 0) {
    throw erp.error(
      'INVOICE_ALLOCATED',
      `${invoice.number ?? 'The invoice'} is settled by ${settlements.join(', ')}: cancel those first`,
      { extensions: { settledBy: settlements } },
    );
  }
}

function invoiceHooks(side: InvoiceSide, events: ErpEventOutbox): ResourceHooks<Invoice> {
  return {
    beforeCreate: (_ctx, invoice) => withTotals(invoice),

    async beforeUpdate(ctx, next, previous) {
      if (previous.status === 'posted' && next.status === 'cancelled') {
        await checkNotSettled(ctx, previous);
        return undefined;
      }
      const invoice = withTotals(next);
      if (previous.status !== 'draft' || next.status !== 'posted') return invoice;
      const facts = await invoiceFacts(ctx, invoice);
      checkParty(side, facts.party);
      await checkCreditNote(ctx, side, invoice);
      postablePeriod(facts.period, facts.lockDate, invoice.postingDate);
      readForPosting.set(ctx, facts);
      return {
        ...invoice,
        number: await documentNumber(ctx, side.series[invoice.kind], invoice.postingDate, invoice.number),
      };
    },

    async afterUpdate(ctx, invoice, previous) {
      if (previous.status === 'posted' && invoice.status === 'cancelled') {
        await reverseDocument(ctx, side.voucherType, invoice);
        return;
      }
      if (previous.status !== 'draft' || invoice.status !== 'posted') return;
      const facts = readForPosting.get(ctx) ?? (await invoiceFacts(ctx, invoice));
      const periodId = postablePeriod(facts.period, facts.lockDate, invoice.postingDate);
      const rows = ledgerInput(() => side.rows(invoice, facts.context));
      await postDocument(
        ctx,
        side.voucherType,
        invoice,
        rows,
        (row) => {
          if (row.partyId != null) return { path: '', accountPath: '/partyId' };
          if (row.lineIndex === undefined) return { path: '/lines', accountPath: '/lines' };
          return { path: `/lines/${row.lineIndex}` };
        },
        { periodId, accounts: facts.accounts },
      );
      const partyRow = rows.find((row) => row.partyId != null);
      const direction = invoice.kind === 'credit-note' ? -1 : 1;
      ctx.defer(() =>
        events.emit(ctx, 'erp.invoice.posted', {
          invoiceId: invoice.id,
          voucherType: side.voucherType,
          number: invoice.number ?? '',
          kind: invoice.kind,
          partyId: invoice.partyId,
          postingDate: invoice.postingDate,
          dueDate: invoice.dueDate,
          currency: invoice.currency,
          total: (invoice.total ?? 0) * direction,
          baseTotal: ((partyRow?.debit ?? 0) + (partyRow?.credit ?? 0)) * direction,
        }),
      );
    },
  };
}

/**
 * A sales invoice's server side (ADR 0027 §3): totals on every draft write (`invoiceTotals`); on
 * `draft → posted` the party must be a customer, a credit note's invoice must be posted, the
 * same party's and currency's, and still owe the credit; the period is checked, the number taken
 * (`SINV`/`SCN` series of the posting year), the rows written (`salesInvoiceRows`: receivable
 * against the invoice, or against the credited invoice; income and output tax per account and
 * cost center) and `erp.invoice.posted` emitted. `posted → cancelled` appends the reversal, and
 * is refused (409 INVOICE_ALLOCATED) while payments or credit notes settle the invoice.
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'sales-invoice': salesInvoiceHooks(events) } })
 */
export function salesInvoiceHooks(events: ErpEventOutbox): ResourceHooks<SalesInvoice> {
  return erp.defineHooks('sales-invoice', invoiceHooks(sales, events));
}

/**
 * A purchase invoice's server side: the mirror of `salesInvoiceHooks` (a supplier, `PINV`/`PCN`,
 * `purchaseInvoiceRows`: payable, expense and input tax).
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'purchase-invoice': purchaseInvoiceHooks(events) } })
 */
export function purchaseInvoiceHooks(events: ErpEventOutbox): ResourceHooks<PurchaseInvoice> {
  return erp.defineHooks('purchase-invoice', invoiceHooks(purchases, events));
}

import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { and, eq, inArray } from 'drizzle-orm';
import type { Payment } from '../../core/generated/client/types.gen.js';
import { accounts, parties, purchaseInvoices, salesInvoices } from '../../core/generated/tables.js';
import { paymentRows } from '../../core/ledger/voucher-rows.js';
import { type ErpEventOutbox, erp } from '../erp.js';
import { documentNumber } from '../ledger/document-number.js';
import { lockOpenItems } from '../ledger/open-items.js';
import { fieldRefusal, ledgerInput, postDocument, reverseDocument } from '../ledger/post-document.js';
import { openPeriodFor } from '../ledger/post-voucher.js';
import { postingContext } from '../ledger/posting-context.js';

/**
 * The money goes through a bank or cash account (422 at `/bankAccountId`). A payment received
 * settles sales invoices of its customer, a payment made purchase invoices of
 * its supplier: each allocation must name a posted invoice (not a credit note) of the payment's
 * party in the payment's currency (422 at `/allocations/<i>/invoiceId`), and may not exceed what
 * the invoice still owes (422 OVER_ALLOCATED at `/allocations/<i>/amount`). The invoices' open
 * items stay locked until the posting commits, so two payments cannot both take the last amount.
 */
async function checkAllocations(ctx: HookContext, payment: Draft<Payment>): Promise<void> {
  const received = payment.direction === 'received';
  const [bank] = await ctx.tx
    .select({ name: accounts.name, accountType: accounts.accountType })
    .from(accounts)
    .where(and(eq(accounts.tenantId, ctx.tenantId), eq(accounts.id, payment.bankAccountId)));
  if (bank !== undefined && bank.accountType !== 'bank' && bank.accountType !== 'cash') {
    throw fieldRefusal('/bankAccountId', 'bank-account', `${bank.name} is not a bank or cash account`);
  }
  const [party] = await ctx.tx
    .select({ kind: parties.kind, name: parties.name })
    .from(parties)
    .where(and(eq(parties.tenantId, ctx.tenantId), eq(parties.id, payment.partyId)));
  const partyKind = received ? 'customer' : 'supplier';
  if (party !== undefined && party.kind !== partyKind) {
    throw fieldRefusal('/partyId', 'party-kind', `${party.name} is not a ${partyKind}`);
  }
  if (payment.allocations.length === 0) return;
  const table = received ? salesInvoices : purchaseInvoices;
  const ids = payment.allocations.map((allocation) => allocation.invoiceId);
  const invoices = await ctx.tx
    .select({
      id: table.id,
      number: table.number,
      status: table.status,
      kind: table.kind,
      partyId: table.partyId,
      currency: table.currency,
    })
    .from(table)
    .where(and(eq(table.tenantId, ctx.tenantId), inArray(table.id, ids)));
  const byId = new Map(invoices.map((invoice) => [invoice.id.toLowerCase(), invoice]));
  const kind = received ? 'sales invoice' : 'purchase invoice';
  payment.allocations.forEach((allocation, i) => {
    const invoice = byId.get(allocation.invoiceId.toLowerCase());
    const path = `/allocations/${i}/invoiceId`;
    if (invoice === undefined || invoice.status !== 'posted' || invoice.kind !== 'invoice') {
      throw fieldRefusal(
        path,
        'posted-invoice',
        `must be a posted ${kind}, not a draft, cancelled or credit note`,
      );
    }
    if (invoice.partyId.toLowerCase() !== payment.partyId.toLowerCase()) {
      throw fieldRefusal(path, 'same-party', `${invoice.number} belongs to another party`);
    }
    if (invoice.currency !== payment.currency) {
      throw fieldRefusal(
        path,
        'same-currency',
        `${invoice.number} is in ${invoice.currency}, not ${payment.currency}`,
      );
    }
  });
  const items = await lockOpenItems(ctx, ids);
  const taken = new Map<string, number>();
  payment.allocations.forEach((allocation, i) => {
    const id = allocation.invoiceId.toLowerCase();
    const item = items.get(id);
    const owed = (item?.balanceFc ?? 0) * (received ? 1 : -1) - (taken.get(id) ?? 0);
    if (allocation.amount > owed) {
      const number = byId.get(id)?.number ?? allocation.invoiceId;
      const message = `${number} still owes ${Math.max(owed, 0)}, less than ${allocation.amount}`;
      throw erp.error('OVER_ALLOCATED', message, {
        issues: [{ path: `/allocations/${i}/amount`, code: 'over-allocated', message }],
        extensions: { owed: Math.max(owed, 0) },
      });
    }
    taken.set(id, (taken.get(id) ?? 0) + allocation.amount);
  });
}

/**
 * A payment's server side (ADR 0027 §3, §5): on `draft → posted` the allocations are checked
 * against the invoices' open items (locked), the period checked, the number taken (`PAY` series
 * of the posting year) and the rows written (`paymentRows`: bank against receivable/payable per
 * allocation at the invoice's base value, the realised exchange difference to gain/loss, the rest
 * against the payment itself as an advance); a payment received emits
 * `erp.payment.received`. `posted → cancelled` appends the reversal, which gives the invoices
 * back what the payment settled.
 *
 * @example
 * erp.definePlugin({ …, hooks: { payment: paymentHooks(events) } })
 */
export function paymentHooks(events: ErpEventOutbox): ResourceHooks<Payment> {
  return erp.defineHooks('payment', {
    async beforeUpdate(ctx, next, previous) {
      if (previous.status !== 'draft' || next.status !== 'posted') return undefined;
      await checkAllocations(ctx, next);
      await openPeriodFor(ctx, next.postingDate);
      return { ...next, number: await documentNumber(ctx, 'PAY', next.postingDate, next.number) };
    },

    async afterUpdate(ctx, payment, previous) {
      if (previous.status === 'posted' && payment.status === 'cancelled') {
        await reverseDocument(ctx, 'payment', payment);
        return;
      }
      if (previous.status !== 'draft' || payment.status !== 'posted') return;
      const context = await postingContext(ctx, [payment.currency], payment.partyId);
      // the invoices' open items, locked by checkAllocations: each is cleared at its own base value
      const items = await lockOpenItems(
        ctx,
        payment.allocations.map((allocation) => allocation.invoiceId),
      );
      const openItems = Object.fromEntries(
        [...items].map(([id, { balance, balanceFc }]) => [id, { balance, balanceFc }]),
      );
      const rows = ledgerInput(() => paymentRows(payment, { ...context, openItems }));
      await postDocument(ctx, 'payment', payment, rows, (row) => {
        if (row.lineIndex !== undefined)
          return { path: `/allocations/${row.lineIndex}`, accountPath: '/partyId' };
        if (row.partyId != null) return { path: '', accountPath: '/partyId' };
        if (row.accountId === payment.bankAccountId) return { path: '', accountPath: '/bankAccountId' };
        return { path: '', accountPath: '/amount' };
      });
      if (payment.direction !== 'received') return;
      ctx.defer(() =>
        events.emit(ctx, 'erp.payment.received', {
          paymentId: payment.id,
          number: payment.number ?? '',
          partyId: payment.partyId,
          postingDate: payment.postingDate,
          amount: payment.amount,
          currency: payment.currency,
          allocations: payment.allocations.map(({ invoiceId, amount }) => ({ invoiceId, amount })),
        }),
      );
    },
  });
}

import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import type { JournalEntry } from '../../core/generated/client/types.gen.js';
import { voucherBalance } from '../../core/ledger/balanced.js';
import { journalEntryRows } from '../../core/ledger/voucher-rows.js';
import { erp } from '../erp.js';
import { documentNumber } from '../ledger/document-number.js';
import { lockOpenItems } from '../ledger/open-items.js';
import { fieldRefusal, ledgerInput, postDocument, reverseDocument } from '../ledger/post-document.js';
import { openPeriodFor } from '../ledger/post-voucher.js';
import { postingContext } from '../ledger/posting-context.js';

/** The entry with its totals in the entry's currency, as lists show them. */
function withTotals(entry: Draft<JournalEntry>): Draft<JournalEntry> {
  const { debit, credit } = ledgerInput(() => voucherBalance(entry.lines));
  return { ...entry, totalDebit: debit, totalCredit: credit };
}

/**
 * A line naming `againstVoucherId` moves that open item: it must be one (an invoice, credit note
 * or advance in the ledger) of the line's party and account, in the line's currency (the entry's,
 * or the one an exchange adjustment names), else 422 at `/lines/<i>/againstVoucherId`. The items
 * stay locked until the posting commits, like a payment's.
 */
async function checkAgainstVouchers(ctx: HookContext, entry: Draft<JournalEntry>): Promise<void> {
  const ids = entry.lines.flatMap((line) => (line.againstVoucherId == null ? [] : [line.againstVoucherId]));
  if (ids.length === 0) return;
  const items = await lockOpenItems(ctx, ids);
  entry.lines.forEach((line, i) => {
    if (line.againstVoucherId == null) return;
    const path = `/lines/${i}/againstVoucherId`;
    const item = items.get(line.againstVoucherId.toLowerCase());
    if (item === undefined)
      throw fieldRefusal(path, 'open-item', 'is not an invoice, credit note or advance in the ledger');
    const currency = line.adjustsCurrency ?? entry.currency;
    if (item.partyId !== line.partyId?.toLowerCase() || item.accountId !== line.accountId.toLowerCase()) {
      throw fieldRefusal(path, 'same-party', "belongs to another party or account than the line's");
    }
    if (item.currency !== currency) {
      throw fieldRefusal(path, 'same-currency', `is in ${item.currency}, not ${currency}`);
    }
  });
}

/**
 * A journal entry's server side (ADR 0027 §3):
 *
 * - every write of a draft: `totalDebit`/`totalCredit` follow the lines;
 * - `draft → posted`: the open items lines name are checked (`checkAgainstVouchers`), the period
 *   is checked (and held `FOR SHARE`), the number is taken from the
 *   `JV` series of the posting year, then the rows (`journalEntryRows`, one per line, converted to
 *   base with a round-off row) are written by `postVoucher`; a refusal names the line;
 * - `posted → cancelled`: the reversal is appended (`reverseDocument`).
 *
 * Posted and cancelled entries are locked by the schema's `workflow.immutableIn` (409 RECORD_LOCKED).
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'journal-entry': journalEntryHooks() } })
 */
export function journalEntryHooks(): ResourceHooks<JournalEntry> {
  return erp.defineHooks('journal-entry', {
    beforeCreate: (_ctx, entry) => withTotals(entry),

    async beforeUpdate(ctx, next, previous) {
      const entry = withTotals(next);
      if (previous.status !== 'draft' || next.status !== 'posted') return entry;
      await checkAgainstVouchers(ctx, entry);
      await openPeriodFor(ctx, entry.postingDate);
      return { ...entry, number: await documentNumber(ctx, 'JV', entry.postingDate, entry.number) };
    },

    async afterUpdate(ctx, entry, previous) {
      if (previous.status === 'draft' && entry.status === 'posted') {
        const context = await postingContext(ctx, [entry.currency]);
        const rows = ledgerInput(() => journalEntryRows(entry, context));
        await postDocument(ctx, 'journal-entry', entry, rows, (row) =>
          row.lineIndex === undefined
            ? { path: '/lines', accountPath: '/lines' }
            : { path: `/lines/${row.lineIndex}` },
        );
      }
      if (previous.status === 'posted' && entry.status === 'cancelled') {
        await reverseDocument(ctx, 'journal-entry', entry);
      }
    },
  });
}

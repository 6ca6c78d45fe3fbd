import type { Draft, ResourceHooks } from '@codexion/framework/plugins';
import type { JournalEntry } from '../../core/generated/client/types.gen.js';
import { voucherBalance } from '../../core/ledger/balanced.js';
import { journalEntryRows } from '../../core/ledger/voucher-rows.js';
import { erp } from '../erp.js';
import { documentNumber } from '../ledger/document-number.js';
import { ledgerInput, postDocument, reverseDocument } from '../ledger/post-document.js';
import { openPeriodFor } from '../ledger/post-voucher.js';
import { postingContext } from '../ledger/posting-context.js';

/** The entry with its totals in the entry's currency, as lists show them. */
function withTotals(entry: Draft<JournalEntry>): Draft<JournalEntry> {
  const { debit, credit } = ledgerInput(() => voucherBalance(entry.lines));
  return { ...entry, totalDebit: debit, totalCredit: credit };
}

/**
 * A journal entry's server side (ADR 0027 §3):
 *
 * - every write of a draft: `totalDebit`/`totalCredit` follow the lines;
 * - `draft → posted`: the period is checked (and held `FOR SHARE`), the number is taken from the
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

import type { HookContext, ResourceHooks } from '@codexion/framework/plugins';
import type { StockEntry } from '../../core/generated/client/types.gen.js';
import { type ErpEventOutbox, erp } from '../erp.js';
import { openPeriodFor } from '../ledger/post-voucher.js';
import { cancelStockEntry, postStockEntry, type StockPosting } from '../stock/post-stock-entry.js';

/** Queues the events of a posting or a cancellation for the end of the write (still in its transaction). */
function emitMoved(
  ctx: HookContext,
  events: ErpEventOutbox,
  entry: StockEntry,
  kind: StockEntry['kind'] | 'reversal',
  posting: StockPosting,
): void {
  ctx.defer(async () => {
    await events.emit(ctx, 'erp.stock.moved', {
      stockEntryId: entry.id,
      number: entry.number ?? '',
      kind,
      postingDate: posting.postingDate,
      moves: posting.moves.map(({ itemId, warehouseId, qty, qtyAfter, valueChange }) => ({
        itemId,
        warehouseId,
        qty,
        qtyAfter,
        valueChange,
      })),
    });
    for (const bin of posting.belowReorder) await events.emit(ctx, 'erp.item.below-reorder', bin);
  });
}

/**
 * A stock entry's posting and cancellation, in its transitions' transaction (ADR 0027 §3, §6):
 *
 * - `draft → posted`, before the write: the period must be open and after the lock date (422
 *   PERIOD_CLOSED); the engine has given the entry its number (`x-codexion.number`: series `STE`
 *   per year, `STE-2026-00001`) in the same transaction;
 * - after it: the stock moves and their ledger rows (`postStockEntry`), then `erp.stock.moved`
 *   and an `erp.item.below-reorder` per bin that fell below its item's reorder level;
 * - `posted → cancelled`: the reversal (`cancelStockEntry`) and `erp.stock.moved` of kind `reversal`.
 *
 * Posted and cancelled entries are immutable (`workflow.immutableIn`: 409 RECORD_LOCKED).
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'stock-entry': stockEntryHooks(erp.eventOutbox()) } })
 */
export function stockEntryHooks(events: ErpEventOutbox): ResourceHooks<StockEntry> {
  return erp.defineHooks('stock-entry', {
    async beforeUpdate(ctx, next, previous) {
      if (previous.status !== 'draft' || next.status !== 'posted') return undefined;
      await openPeriodFor(ctx, next.postingDate, '/postingDate');
      return undefined;
    },

    async afterUpdate(ctx, entry, previous) {
      if (previous.status === 'draft' && entry.status === 'posted') {
        emitMoved(ctx, events, entry, entry.kind, await postStockEntry(ctx, entry));
      } else if (previous.status === 'posted' && entry.status === 'cancelled') {
        emitMoved(ctx, events, entry, 'reversal', await cancelStockEntry(ctx, entry));
      }
    },
  });
}

import { randomUUID } from 'node:crypto';
import { executeRows } from '@codexion/framework/data';
import { DomainError } from '@codexion/framework/errors';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { StockEntry } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import { openPeriodFor, postVoucher } from '../ledger/post-voucher.js';
import { findCompanySettings } from '../services/setup-company.js';
import { type MovedStock, moveStock, type StockMoveLine } from './move-stock.js';
import type { RevaluedMove } from './repost-bin.js';
import { stockEntryMoves } from './stock-entry-moves.js';
import { type StockAccountDefaults, stockEntryRows } from './stock-entry-rows.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId' | 'userId'>;

/** What posting or cancelling a stock entry wrote: its moves (and bins below reorder) on a date. */
export interface StockPosting extends MovedStock {
  postingDate: string;
}

async function accountDefaults(ctx: Ctx): Promise<StockAccountDefaults> {
  const settings = await findCompanySettings(ctx);
  if (settings === undefined)
    throw erp.error('COMPANY_NOT_SET_UP', 'Set the company up first (setup-company)');
  return {
    stockAccountId: settings.stockAccountId,
    stockReceivedNotBilledAccountId: settings.stockReceivedNotBilledAccountId,
    cogsAccountId: settings.cogsAccountId,
    stockAdjustmentAccountId: settings.stockAdjustmentAccountId,
    baseCurrency: settings.baseCurrency,
  };
}

async function postRows(ctx: Ctx, entry: StockEntry, posting: StockPosting, remarks: string | null) {
  const rows = stockEntryRows(entry, posting.moves, await accountDefaults(ctx), remarks);
  // a transfer within one stock account moves no value between accounts: nothing to post
  if (rows.length === 0) return;
  await postVoucher(ctx, {
    voucherType: 'stock-entry',
    voucherId: entry.id,
    voucherNo: entry.number ?? '',
    postingDate: posting.postingDate,
    rows,
  });
}

/**
 * Books what a backdated entry changed in later moves' values (ADR 0027 §6, §13): one
 * `stock-revaluation` voucher per affected date, dated that date; per entry whose moves changed,
 * each move's difference on its warehouse's stock account against that entry's offset account
 * (the rows its entry would post for moves of those values, netted): a transfer's two moves
 * move the difference between the two warehouses' stock accounts, nothing within one, and a
 * cancellation's reversal undoes its original's difference. A date whose differences net to
 * nothing gets no voucher.
 */
async function postRevaluations(
  ctx: Ctx,
  entry: StockEntry,
  revalued: readonly RevaluedMove[],
): Promise<void> {
  if (revalued.length === 0) return;
  const defaults = await accountDefaults(ctx);
  const byDate = new Map<string, Map<string, RevaluedMove[]>>();
  for (const move of revalued) {
    const vouchers = byDate.get(move.postingDate) ?? new Map<string, RevaluedMove[]>();
    vouchers.set(move.voucherId, [...(vouchers.get(move.voucherId) ?? []), move]);
    byDate.set(move.postingDate, vouchers);
  }
  for (const [postingDate, vouchers] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const rows = [...vouchers.values()].flatMap((moves) => {
      const [first] = moves as [RevaluedMove];
      return stockEntryRows(
        { kind: first.kind as StockEntry['kind'], offsetAccountId: first.offsetAccountId },
        moves.map((move) => ({ ...move, valueChange: move.difference })),
        defaults,
        `revaluation of ${first.voucherNo} by ${entry.number ?? entry.id}`,
      );
    });
    if (rows.length === 0) continue;
    await postVoucher(ctx, {
      voucherType: 'stock-revaluation',
      voucherId: randomUUID(),
      voucherNo: `${entry.number ?? entry.id}/${postingDate}`,
      postingDate,
      rows,
    });
  }
}

/**
 * Posts a stock entry in the caller's transaction (the `draft → posted` transition): its moves
 * through `moveStock`, then the ledger rows of their costs through `postVoucher` — both or neither.
 * A backdated entry also books the later moves it re-valued (`stock-revaluation` vouchers).
 *
 * @example
 * const { moves, belowReorder } = await postStockEntry(ctx, entry);
 */
export async function postStockEntry(ctx: Ctx, entry: StockEntry): Promise<StockPosting> {
  const moved = await moveStock(ctx, {
    voucherType: 'stock-entry',
    voucherId: entry.id,
    voucherNo: entry.number ?? '',
    postingDate: entry.postingDate,
    lines: stockEntryMoves(entry),
  });
  const posting = { ...moved, postingDate: entry.postingDate };
  await postRows(ctx, entry, posting, null);
  await postRevaluations(ctx, entry, moved.revalued);
  return posting;
}

/** The entry's date while its period is open and after the lock date, else today's. */
async function cancellationDate(ctx: Ctx, postingDate: string): Promise<string> {
  try {
    await openPeriodFor(ctx, postingDate);
    return postingDate;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'PERIOD_CLOSED') throw error;
    return new Date().toISOString().slice(0, 10);
  }
}

type MoveRow = {
  id: string;
  line_no: number;
  item_id: string;
  warehouse_id: string;
  qty: string;
  value_change: string;
};

/**
 * Cancels a posted stock entry (the `posted → cancelled` transition): each of its moves reversed
 * (`reverses_id`), last first, at the cost the move had — an issue comes back at what it took, a
 * receipt leaves at what it brought (FIFO: its layer, when still the last and untouched) — and the
 * ledger rows of those costs, which are the entry's rows swapped. Dated the entry's date while
 * its period is open, else today. A receipt whose units are gone is refused (INSUFFICIENT_STOCK).
 *
 * @example
 * await cancelStockEntry(ctx, entry);
 */
export async function cancelStockEntry(ctx: Ctx, entry: StockEntry): Promise<StockPosting> {
  const originals = await executeRows<MoveRow>(
    ctx.tx,
    sql`select m.id, m.line_no, m.item_id, m.warehouse_id, m.qty, v.value_change
          from erp.stock_moves m join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
         where m.tenant_id = ${ctx.tenantId} and m.voucher_id = ${entry.id}::uuid and m.reverses_id is null
         order by m.id desc`,
  );
  const lines: StockMoveLine[] = originals.map((move) => {
    const qty = Number(move.qty);
    return {
      lineNo: move.line_no,
      itemId: move.item_id,
      warehouseId: move.warehouse_id,
      qty: -qty,
      reverses: { moveId: Number(move.id), valueChange: Number(move.value_change) },
      path: `/lines/${move.line_no}`,
      warehouseField: qty > 0 ? 'toWarehouseId' : 'fromWarehouseId',
    };
  });
  const postingDate = await cancellationDate(ctx, entry.postingDate);
  const moved = await moveStock(ctx, {
    voucherType: 'stock-entry',
    voucherId: entry.id,
    voucherNo: entry.number ?? '',
    postingDate,
    lines,
  });
  const posting = { ...moved, postingDate };
  await postRows(ctx, entry, posting, `cancellation of ${entry.number ?? entry.id}`);
  return posting;
}

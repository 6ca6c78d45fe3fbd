import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { erp } from '../erp.js';
import { type BinKey, fifoLayerOfMove, fifoValueAt } from './fifo-value-at.js';
import { movingAverageCost } from './moving-average-cost.js';
import { type RevaluedMove, repostBin } from './repost-bin.js';
import { movingAverageReversalCost } from './reversal-cost.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId' | 'userId'>;

/** One move of a voucher: an item into (`qty > 0`) or out of (`qty < 0`) one warehouse. */
export interface StockMoveLine {
  /** the document line it comes from */
  lineNo: number;
  itemId: string;
  warehouseId: string;
  /** signed, whole stock units, never 0 */
  qty: number;
  /** incoming: its value in base minor units */
  incomingValue?: number;
  /** incoming: takes exactly the cost of the outgoing move at this index of `lines` (a transfer's receipt) */
  costOf?: number;
  /** a cancellation: the move reversed and the value it changed; the reversal is valued at that cost */
  reverses?: { moveId: number; valueChange: number };
  /** where the line is in the record (`/lines/2`; the engine prefixes `/body`), for refusals */
  path: string;
  /** the line's field naming the warehouse (`fromWarehouseId`, `toWarehouseId`) */
  warehouseField: string;
}

/** A voucher's stock moves, all on its posting date. */
export interface StockVoucher {
  voucherType: string;
  voucherId: string;
  voucherNo: string;
  postingDate: string;
  lines: readonly StockMoveLine[];
}

/** A move as written: its id in `erp.stock_moves` and its valuation. */
export interface StockMoved extends BinKey {
  moveId: number;
  lineNo: number;
  qty: number;
  qtyAfter: number;
  valueAfter: number;
  /** signed: what the move added to (or took from) the stock value, in base minor units */
  valueChange: number;
  /** the warehouse's stock account (null: the company's) */
  stockAccountId: string | null;
}

/** A bin that fell below its item's reorder level with this voucher. */
export interface BelowReorder extends BinKey {
  sku: string;
  qty: number;
  reorderLevel: number;
  reorderQty: number;
}

export interface MovedStock {
  moves: StockMoved[];
  belowReorder: BelowReorder[];
  /** later moves a backdated move re-valued: the differences the ledger is still to book */
  revalued: RevaluedMove[];
}

type ItemRow = {
  id: string;
  sku: string;
  name: string;
  valuation: 'fifo' | 'moving-average';
  allow_negative_stock: boolean;
  reorder_level: number;
  reorder_qty: number;
};

type WarehouseRow = {
  id: string;
  name: string;
  is_group: boolean;
  stock_account_id: string | null;
};

interface BinState extends BinKey {
  qtyBefore: number;
  qty: number;
  value: number;
  fifoIn: number;
  fifoOut: number;
}

const binKey = (itemId: string, warehouseId: string) => `${itemId}/${warehouseId}`;

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

function invalidLine(path: string, message: string) {
  return erp.error('STOCK_LINE_INVALID', message, { issues: [{ path, code: 'stock-line', message }] });
}

async function loadItems(ctx: Ctx, lines: readonly StockMoveLine[]): Promise<Map<string, ItemRow>> {
  // FOR SHARE: an item whose valuation method is being changed waits, and sees the move after
  const rows = await executeRows<ItemRow>(
    ctx.tx,
    sql`select id, sku, name, valuation, allow_negative_stock, reorder_level, reorder_qty from erp.items
         where tenant_id = ${ctx.tenantId} and id in (${uuidList([...new Set(lines.map((line) => line.itemId))])})
         order by id for share`,
  );
  const items = new Map(rows.map((row) => [row.id, row]));
  for (const line of lines) {
    if (!items.has(line.itemId)) throw invalidLine(`${line.path}/itemId`, 'is not an item of this company');
  }
  return items;
}

async function loadWarehouses(ctx: Ctx, lines: readonly StockMoveLine[]): Promise<Map<string, WarehouseRow>> {
  const rows = await executeRows<WarehouseRow>(
    ctx.tx,
    sql`select id, name, is_group, stock_account_id from erp.warehouses
         where tenant_id = ${ctx.tenantId} and id in (${uuidList([...new Set(lines.map((line) => line.warehouseId))])})`,
  );
  const warehouses = new Map(rows.map((row) => [row.id, row]));
  for (const line of lines) {
    const warehouse = warehouses.get(line.warehouseId);
    const path = `${line.path}/${line.warehouseField}`;
    if (warehouse === undefined) throw invalidLine(path, 'is not a warehouse of this company');
    if (warehouse.is_group) {
      throw invalidLine(
        path,
        `${warehouse.name} is a group warehouse: move stock into one of its warehouses`,
      );
    }
  }
  return warehouses;
}

/**
 * Creates the voucher's bins that do not exist yet and locks them all `FOR UPDATE`, in one order
 * (sorted by item, then warehouse), so two vouchers touching the same bins cannot deadlock and a
 * second issue of the last units waits for the first and then reads what it left (ADR 0027 §6).
 */
async function lockBins(ctx: Ctx, lines: readonly StockMoveLine[]): Promise<Map<string, BinState>> {
  const pairs = [...new Map(lines.map((line) => [binKey(line.itemId, line.warehouseId), line])).values()]
    .map(({ itemId, warehouseId }) => ({ itemId, warehouseId }))
    .sort((a, b) => binKey(a.itemId, a.warehouseId).localeCompare(binKey(b.itemId, b.warehouseId)));
  await ctx.tx.execute(
    sql`insert into erp.bins (tenant_id, item_id, warehouse_id)
        values ${sql.join(
          pairs.map((pair) => sql`(${ctx.tenantId}::uuid, ${pair.itemId}::uuid, ${pair.warehouseId}::uuid)`),
          sql`, `,
        )}
        on conflict do nothing`,
  );
  const bins = new Map<string, BinState>();
  for (const pair of pairs) {
    const [row] = await executeRows<{
      qty: string;
      value: string;
      fifo_in_qty: string;
      fifo_out_qty: string;
    }>(
      ctx.tx,
      sql`select qty, value, fifo_in_qty, fifo_out_qty from erp.bins
           where tenant_id = ${ctx.tenantId} and item_id = ${pair.itemId}::uuid and warehouse_id = ${pair.warehouseId}::uuid
           for update`,
    );
    if (row === undefined) throw new Error(`the bin of ${binKey(pair.itemId, pair.warehouseId)} is missing`);
    const qty = Number(row.qty);
    bins.set(binKey(pair.itemId, pair.warehouseId), {
      ...pair,
      qtyBefore: qty,
      qty,
      value: Number(row.value),
      fifoIn: Number(row.fifo_in_qty),
      fifoOut: Number(row.fifo_out_qty),
    });
  }
  return bins;
}

/**
 * Whether a move dated `postingDate` comes before a later move of its bin: it is then valued by
 * replaying the bin (`repostBin`, ADR 0027 §6 "Backdated entries"). Reversals are valued at the
 * cost of the move they reverse and are never replayed from.
 */
async function isBackdated(ctx: Ctx, voucher: StockVoucher, line: StockMoveLine): Promise<boolean> {
  if (line.reverses !== undefined) return false;
  const [later] = await executeRows<{ id: string }>(
    ctx.tx,
    sql`select id from erp.stock_moves
         where tenant_id = ${ctx.tenantId} and item_id = ${line.itemId}::uuid and warehouse_id = ${line.warehouseId}::uuid
           and posting_date > ${voucher.postingDate}::date
         limit 1`,
  );
  return later !== undefined;
}

/** The cost of an outgoing move of `qty` units from `bin`, by the item's valuation method. */
async function outgoingCost(
  ctx: Ctx,
  bin: BinState,
  item: ItemRow,
  qty: number,
  reverses: StockMoveLine['reverses'],
): Promise<number> {
  if (item.valuation === 'moving-average') {
    if (reverses === undefined) return movingAverageCost(bin, qty);
    // a cancelled receipt leaves at what it brought, bounded by what the bin holds
    return movingAverageReversalCost(bin, qty, reverses.valueChange);
  }
  if (reverses !== undefined) {
    // a cancelled receipt whose layer is the last and untouched takes its layer back, exactly
    const layer = await fifoLayerOfMove(ctx, bin, reverses.moveId);
    if (
      layer !== undefined &&
      layer.cumQtyBefore + layer.qty === bin.fifoIn &&
      bin.fifoOut <= layer.cumQtyBefore
    ) {
      await ctx.tx.execute(
        sql`delete from erp.fifo_layers where tenant_id = ${ctx.tenantId} and item_id = ${bin.itemId}::uuid
             and warehouse_id = ${bin.warehouseId}::uuid and cum_qty_before = ${layer.cumQtyBefore}::bigint`,
      );
      bin.fifoIn -= layer.qty;
      return layer.value;
    }
  }
  const cost = (await fifoValueAt(ctx, bin, bin.fifoOut + qty)) - (await fifoValueAt(ctx, bin, bin.fifoOut));
  bin.fifoOut += qty;
  return cost;
}

/** The value an incoming move brings: given, a transfer's issue cost, or what its reversed issue took. */
function incomingValue(line: StockMoveLine, moved: readonly StockMoved[]): number {
  if (line.incomingValue !== undefined) return line.incomingValue;
  if (line.costOf !== undefined) {
    const source = moved[line.costOf];
    if (source === undefined)
      throw new Error(`line ${line.lineNo} takes the cost of move ${line.costOf}, not yet moved`);
    return -source.valueChange;
  }
  if (line.reverses !== undefined) return -line.reverses.valueChange;
  throw new Error(`incoming line ${line.lineNo} has no value`);
}

async function insertMove(
  ctx: Ctx,
  voucher: StockVoucher,
  line: StockMoveLine,
  incoming: number | null,
): Promise<number> {
  const [row] = await executeRows<{ id: string }>(
    ctx.tx,
    sql`insert into erp.stock_moves (tenant_id, voucher_type, voucher_id, voucher_no, line_no, item_id, warehouse_id,
          posting_date, qty, incoming_value, reverses_id, created_by)
        values (${ctx.tenantId}::uuid, ${voucher.voucherType}, ${voucher.voucherId}::uuid, ${voucher.voucherNo},
          ${line.lineNo}, ${line.itemId}::uuid, ${line.warehouseId}::uuid, ${voucher.postingDate}::date,
          ${line.qty}::bigint, ${incoming}::bigint, ${line.reverses?.moveId ?? null}::bigint, ${ctx.userId ?? null}::uuid)
        returning id`,
  );
  if (row === undefined) throw new Error('the stock move was not inserted');
  return Number(row.id);
}

type Valuation = Pick<StockMoved, 'moveId' | 'qtyAfter' | 'valueAfter' | 'valueChange'>;

function movedOf(line: StockMoveLine, warehouse: WarehouseRow, valuation: Valuation): StockMoved {
  return {
    ...valuation,
    lineNo: line.lineNo,
    itemId: line.itemId,
    warehouseId: line.warehouseId,
    qty: line.qty,
    stockAccountId: warehouse.stock_account_id,
  };
}

/**
 * A backdated move: inserted with a placeholder valuation row, then valued by replaying its bin
 * from it (`repostBin`), which also re-values the later moves — across transfers into the bins
 * that received them — and leaves the bins' new state.
 */
async function moveBackdated(
  ctx: Ctx,
  voucher: StockVoucher,
  line: StockMoveLine,
  bins: Map<string, BinState>,
  moved: readonly StockMoved[],
): Promise<Valuation & { revalued: RevaluedMove[] }> {
  const moveId = await insertMove(ctx, voucher, line, line.qty > 0 ? incomingValue(line, moved) : null);
  await ctx.tx.execute(
    sql`insert into erp.stock_valuation (tenant_id, move_id, qty_after, value_after, value_change)
        values (${ctx.tenantId}::uuid, ${moveId}::bigint, 0, 0, 0)`,
  );
  const reposted = await repostBin(ctx, line.itemId, line.warehouseId, voucher.postingDate, {
    fromMoveId: moveId,
    path: line.path,
  });
  // the repost has written every bin it replayed: the voucher's own bins among them go on from there
  for (const state of reposted.bins) {
    const bin = bins.get(binKey(state.itemId, state.warehouseId));
    if (bin === undefined) continue;
    bin.qty = state.qty;
    bin.value = state.value;
    if (state.fifo !== undefined) {
      bin.fifoIn = state.fifo.fifoIn;
      bin.fifoOut = state.fifo.fifoOut;
    }
  }
  return { moveId, ...reposted.first, revalued: reposted.revalued };
}

/**
 * Writes a voucher's stock moves in the caller's transaction (ADR 0027 §6): locks the bins in one
 * order, refuses a move that would take a bin below zero (422 INSUFFICIENT_STOCK at the line's
 * `qty`, naming item, warehouse and the stock on hand) unless the company or the item allows
 * negative stock, values each move — moving average, or FIFO over cumulative layers — and
 * inserts it with its valuation row (and its FIFO layer), then updates the bins. Moves are
 * valued in line order, so a transfer's receipt (`costOf`) takes exactly its issue's cost.
 * A move dated before later moves of its bin is inserted and valued by replaying the bin from its
 * date (`repostBin`); the later moves it re-valued come back in `revalued` for the ledger.
 * Group or unknown warehouses and unknown items: 422 STOCK_LINE_INVALID.
 *
 * @example
 * const { moves } = await moveStock(ctx, { voucherType: 'stock-entry', voucherId, voucherNo, postingDate,
 *   lines: [{ lineNo: 0, itemId, warehouseId, qty: -2, path: '/lines/0', warehouseField: 'fromWarehouseId' }] });
 */
export async function moveStock(ctx: Ctx, voucher: StockVoucher): Promise<MovedStock> {
  if (voucher.lines.length === 0) return { moves: [], belowReorder: [], revalued: [] };
  for (const line of voucher.lines) {
    if (!Number.isSafeInteger(line.qty) || line.qty === 0) {
      throw invalidLine(`${line.path}/qty`, 'must be a whole number of units other than 0');
    }
    if (
      line.incomingValue !== undefined &&
      !(Number.isSafeInteger(line.incomingValue) && line.incomingValue >= 0)
    ) {
      throw invalidLine(
        `${line.path}/unitCost`,
        'the line’s value must be a whole, non-negative amount below 2^53',
      );
    }
  }
  const items = await loadItems(ctx, voucher.lines);
  const warehouses = await loadWarehouses(ctx, voucher.lines);
  const bins = await lockBins(ctx, voucher.lines);
  const [settings] = await executeRows<{ allow_negative_stock: boolean }>(
    ctx.tx,
    sql`select allow_negative_stock from erp.company_settings where tenant_id = ${ctx.tenantId}`,
  );
  const moved: StockMoved[] = [];
  const revalued: RevaluedMove[] = [];
  for (const line of voucher.lines) {
    // loadItems, loadWarehouses and lockBins have checked each line's item, warehouse and bin
    const item = items.get(line.itemId) as ItemRow;
    const warehouse = warehouses.get(line.warehouseId) as WarehouseRow;
    const bin = bins.get(binKey(line.itemId, line.warehouseId)) as BinState;
    if (await isBackdated(ctx, voucher, line)) {
      const replayed = await moveBackdated(ctx, voucher, line, bins, moved);
      revalued.push(...replayed.revalued);
      moved.push(movedOf(line, warehouse, replayed));
      continue;
    }
    let valueChange: number;
    let incoming: number | null = null;
    if (line.qty < 0) {
      const qty = -line.qty;
      if (bin.qty - qty < 0 && !settings?.allow_negative_stock && !item.allow_negative_stock) {
        const message = `${item.sku} (${item.name}): ${bin.qty} on hand in ${warehouse.name}, ${qty} to take out`;
        throw erp.error('INSUFFICIENT_STOCK', message, {
          issues: [{ path: `${line.path}/qty`, code: 'insufficient-stock', message }],
        });
      }
      valueChange = -(await outgoingCost(ctx, bin, item, qty, line.reverses));
    } else {
      incoming = incomingValue(line, moved);
      valueChange = incoming;
    }
    const moveId = await insertMove(ctx, voucher, line, incoming);
    if (incoming !== null && item.valuation === 'fifo') {
      const cumValueBefore = await fifoValueAt(ctx, bin, bin.fifoIn);
      await ctx.tx.execute(
        sql`insert into erp.fifo_layers (tenant_id, item_id, warehouse_id, move_id, cum_qty_before, qty, cum_value_before, value)
            values (${ctx.tenantId}::uuid, ${line.itemId}::uuid, ${line.warehouseId}::uuid, ${moveId}::bigint,
              ${bin.fifoIn}::bigint, ${line.qty}::bigint, ${cumValueBefore}::bigint, ${incoming}::bigint)`,
      );
      bin.fifoIn += line.qty;
    }
    bin.qty += line.qty;
    bin.value += valueChange;
    await ctx.tx.execute(
      sql`insert into erp.stock_valuation (tenant_id, move_id, qty_after, value_after, value_change)
          values (${ctx.tenantId}::uuid, ${moveId}::bigint, ${bin.qty}::bigint, ${bin.value}::bigint, ${valueChange}::bigint)`,
    );
    moved.push(movedOf(line, warehouse, { moveId, qtyAfter: bin.qty, valueAfter: bin.value, valueChange }));
  }
  const belowReorder: BelowReorder[] = [];
  for (const bin of bins.values()) {
    await ctx.tx.execute(
      sql`update erp.bins set qty = ${bin.qty}::bigint, value = ${bin.value}::bigint,
            fifo_in_qty = ${bin.fifoIn}::bigint, fifo_out_qty = ${bin.fifoOut}::bigint
          where tenant_id = ${ctx.tenantId} and item_id = ${bin.itemId}::uuid and warehouse_id = ${bin.warehouseId}::uuid`,
    );
    const item = items.get(bin.itemId) as ItemRow;
    if (item.reorder_level > 0 && bin.qtyBefore >= item.reorder_level && bin.qty < item.reorder_level) {
      belowReorder.push({
        itemId: bin.itemId,
        warehouseId: bin.warehouseId,
        sku: item.sku,
        qty: bin.qty,
        reorderLevel: item.reorder_level,
        reorderQty: item.reorder_qty,
      });
    }
  }
  return { moves: moved, belowReorder, revalued };
}

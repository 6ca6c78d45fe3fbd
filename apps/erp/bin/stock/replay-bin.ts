import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { erp } from '../erp.js';
import type { BinKey, FifoLayer } from './fifo-value-at.js';
import { movingAverageCost } from './moving-average-cost.js';
import { movingAverageReversalCost } from './reversal-cost.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** A place in a bin's replay order: (posting date, move id). */
export interface ReplayPoint {
  date: string;
  moveId: number;
}

/** A move's valuation row (`erp.stock_valuation`). */
export interface MoveValuation {
  qtyAfter: number;
  valueAfter: number;
  /** signed: what the move added to (or took from) the bin's value, in base minor units */
  valueChange: number;
}

/** A move the replay valued: its new valuation, the row it had, and what the ledger needs. */
export interface ReplayedMove extends MoveValuation, BinKey {
  moveId: number;
  voucherId: string;
  voucherNo: string;
  lineNo: number;
  postingDate: string;
  qty: number;
  /** its stock entry's kind and offset account (null: not a stock entry's move) */
  kind: string | null;
  offsetAccountId: string | null;
  /** the warehouse's stock account (null: the company's) */
  stockAccountId: string | null;
  /** its valuation row before this replay */
  was: MoveValuation;
}

/** A transfer's receipt whose cost a replay changed: its bin is replayed from it. */
export interface FollowedReceipt extends BinKey, ReplayPoint {}

/** What a bin holds after a replay (FIFO items: with the bin's counters). */
export interface ReplayedBinState extends BinKey {
  qty: number;
  value: number;
  fifo?: { fifoIn: number; fifoOut: number };
}

/** A replayed bin: its state, the moves it valued and the transfers' receipts to follow. */
export interface ReplayedBin {
  state: ReplayedBinState;
  moves: ReplayedMove[];
  follow: FollowedReceipt[];
}

/** The move being posted (its refusal lands at `<path>/qty`); 0: none. */
export interface ReplayOwner {
  moveId?: number;
  path?: string;
}

type MoveRow = {
  id: string;
  voucher_id: string;
  voucher_no: string;
  line_no: number;
  posting_date: string;
  qty: string;
  incoming_value: string | null;
  reverses_id: string | null;
  qty_after: string | null;
  value_after: string | null;
  value_change: string | null;
  kind: string | null;
  offset_account_id: string | null;
  original_value_change: string | null;
  source_id: string | null;
  source_value_change: string | null;
  receipt_id: string | null;
  receipt_warehouse_id: string | null;
};

/** `F(x)` over in-memory layers (the same arithmetic as `fifoValueAt`). */
function valueAt(layers: readonly FifoLayer[], position: number): number {
  let layer: FifoLayer | undefined;
  for (const candidate of layers) if (candidate.cumQtyBefore <= position) layer = candidate;
  if (layer === undefined) return 0;
  const within = BigInt(Math.min(position - layer.cumQtyBefore, layer.qty));
  return layer.cumValueBefore + Number((BigInt(layer.value) * within) / BigInt(layer.qty));
}

/**
 * Where a FIFO bin's replay must start: a cancelled receipt takes its own layer back (when still
 * the last and untouched), so the replay reaches back to the receipt of every reversal it crosses.
 */
async function fifoStart(ctx: Ctx, bin: BinKey, from: ReplayPoint): Promise<ReplayPoint> {
  let start = from;
  for (;;) {
    const [original] = await executeRows<{ posting_date: string; id: string }>(
      ctx.tx,
      sql`select o.posting_date::text as posting_date, o.id from erp.stock_moves m
            join erp.stock_moves o on o.tenant_id = m.tenant_id and o.id = m.reverses_id
           where m.tenant_id = ${ctx.tenantId} and m.item_id = ${bin.itemId}::uuid and m.warehouse_id = ${bin.warehouseId}::uuid
             and (m.posting_date, m.id) >= (${start.date}::date, ${start.moveId}::bigint) and o.qty > 0
             and (o.posting_date, o.id) < (${start.date}::date, ${start.moveId}::bigint)
           order by o.posting_date, o.id limit 1`,
    );
    if (original === undefined) return start;
    start = { date: original.posting_date, moveId: Number(original.id) };
  }
}

/** The bin's moves from `start` on, with what their values derive from (a reversal's original, a transfer's issue). */
function movesFrom(ctx: Ctx, bin: BinKey, start: ReplayPoint): Promise<MoveRow[]> {
  return executeRows<MoveRow>(
    ctx.tx,
    sql`select m.id, m.voucher_id, m.voucher_no, m.line_no, m.posting_date::text as posting_date, m.qty,
               m.incoming_value, m.reverses_id, v.qty_after, v.value_after, v.value_change, e.kind, e.offset_account_id,
               ov.value_change as original_value_change, src.id as source_id, src.value_change as source_value_change,
               dst.id as receipt_id, dst.warehouse_id as receipt_warehouse_id
          from erp.stock_moves m
          left join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
          left join erp.stock_entries e on e.tenant_id = m.tenant_id and e.id = m.voucher_id
          left join erp.stock_valuation ov on ov.tenant_id = m.tenant_id and ov.move_id = m.reverses_id
          left join lateral (
            select p.id, pv.value_change from erp.stock_moves p
              join erp.stock_valuation pv on pv.tenant_id = p.tenant_id and pv.move_id = p.id
             where e.kind = 'transfer' and m.qty > 0 and m.reverses_id is null
               and p.tenant_id = m.tenant_id and p.voucher_id = m.voucher_id and p.line_no = m.line_no
               and p.qty = -m.qty and p.reverses_id is null and p.id < m.id
             order by p.id desc limit 1) src on true
          left join lateral (
            select r.id, r.warehouse_id from erp.stock_moves r
             where e.kind = 'transfer' and m.qty < 0 and m.reverses_id is null
               and r.tenant_id = m.tenant_id and r.voucher_id = m.voucher_id and r.line_no = m.line_no
               and r.qty = -m.qty and r.reverses_id is null and r.id > m.id
             order by r.id limit 1) dst on true
         where m.tenant_id = ${ctx.tenantId} and m.item_id = ${bin.itemId}::uuid and m.warehouse_id = ${bin.warehouseId}::uuid
           and (m.posting_date, m.id) >= (${start.date}::date, ${start.moveId}::bigint)
         order by m.posting_date, m.id`,
  );
}

/** The FIFO layers of the moves before the replay: they keep their positions and must be the bin's first ones. */
async function layersBefore(
  ctx: Ctx,
  bin: BinKey,
  replayed: ReadonlySet<number>,
  refuse: () => Error,
): Promise<FifoLayer[]> {
  const rows = await executeRows<{
    move_id: string;
    cum_qty_before: string;
    qty: string;
    cum_value_before: string;
    value: string;
  }>(
    ctx.tx,
    sql`select move_id, cum_qty_before, qty, cum_value_before, value from erp.fifo_layers
         where tenant_id = ${ctx.tenantId} and item_id = ${bin.itemId}::uuid and warehouse_id = ${bin.warehouseId}::uuid
         order by cum_qty_before`,
  );
  const layers = rows
    .map((row) => ({
      moveId: Number(row.move_id),
      cumQtyBefore: Number(row.cum_qty_before),
      qty: Number(row.qty),
      cumValueBefore: Number(row.cum_value_before),
      value: Number(row.value),
    }))
    .filter((layer) => !replayed.has(layer.moveId));
  let qty = 0;
  let value = 0;
  for (const layer of layers) {
    if (layer.cumQtyBefore !== qty || layer.cumValueBefore !== value) throw refuse();
    qty += layer.qty;
    value += layer.value;
  }
  return layers;
}

/** Rows per statement: four or eight parameters each, far below the protocol's 65 535. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += CHUNK) out.push(rows.slice(at, at + CHUNK));
  return out;
}

async function writeReplay(
  ctx: Ctx,
  bin: BinKey,
  moves: readonly ReplayedMove[],
  fifo: { layers: readonly FifoLayer[]; replayed: ReadonlySet<number> } | undefined,
  state: ReplayedBinState,
): Promise<void> {
  const changed = moves.filter(
    ({ was, ...move }) =>
      was.qtyAfter !== move.qtyAfter ||
      was.valueAfter !== move.valueAfter ||
      was.valueChange !== move.valueChange,
  );
  for (const rows of chunks(changed)) {
    await ctx.tx.execute(
      sql`update erp.stock_valuation v set qty_after = n.qty_after, value_after = n.value_after, value_change = n.value_change
            from (values ${sql.join(
              rows.map(
                (move) =>
                  sql`(${move.moveId}::bigint, ${move.qtyAfter}::bigint, ${move.valueAfter}::bigint, ${move.valueChange}::bigint)`,
              ),
              sql`, `,
            )}) as n(move_id, qty_after, value_after, value_change)
           where v.tenant_id = ${ctx.tenantId} and v.move_id = n.move_id`,
    );
  }
  if (fifo !== undefined && fifo.replayed.size > 0) {
    for (const ids of chunks([...fifo.replayed])) {
      await ctx.tx.execute(
        sql`delete from erp.fifo_layers where tenant_id = ${ctx.tenantId} and item_id = ${bin.itemId}::uuid
              and warehouse_id = ${bin.warehouseId}::uuid
              and move_id in (${sql.join(
                ids.map((id) => sql`${id}::bigint`),
                sql`, `,
              )})`,
      );
    }
    for (const layers of chunks(fifo.layers)) {
      await ctx.tx.execute(
        sql`insert into erp.fifo_layers (tenant_id, item_id, warehouse_id, move_id, cum_qty_before, qty, cum_value_before, value)
            values ${sql.join(
              layers.map(
                (layer) =>
                  sql`(${ctx.tenantId}::uuid, ${bin.itemId}::uuid, ${bin.warehouseId}::uuid, ${layer.moveId}::bigint,
                    ${layer.cumQtyBefore}::bigint, ${layer.qty}::bigint, ${layer.cumValueBefore}::bigint, ${layer.value}::bigint)`,
              ),
              sql`, `,
            )}`,
      );
    }
  }
  // a moving-average bin keeps its FIFO counters as they are
  const counters =
    state.fifo === undefined
      ? sql``
      : sql`, fifo_in_qty = ${state.fifo.fifoIn}::bigint, fifo_out_qty = ${state.fifo.fifoOut}::bigint`;
  await ctx.tx.execute(
    sql`update erp.bins set qty = ${state.qty}::bigint, value = ${state.value}::bigint${counters}
        where tenant_id = ${ctx.tenantId} and item_id = ${bin.itemId}::uuid and warehouse_id = ${bin.warehouseId}::uuid`,
  );
}

/**
 * Replays one bin's moves from `from` on, in (posting date, id) order, from the state the last
 * valuation row before them left (or zero) — ADR 0027 §6 and §13. Each move is valued again: a
 * receipt at its value; a transfer's receipt at what its issue (in the other bin) now costs; a
 * cancelled issue's reversal at what its original now takes; an issue at moving average or FIFO
 * over the layers rebuilt from that point; a cancelled receipt's reversal by the rule of
 * `cancelStockEntry` (FIFO: its own layer back, when still the last and untouched; moving average:
 * what it brought, bounded by the bin). A FIFO replay reaches back to the receipt of any
 * reversal it crosses. Writes the changed `stock_valuation` rows, the moves' `fifo_layers` and
 * the bin (projections; `stock_moves` are never touched), and answers the transfers whose cost
 * changed: their receipts' bins are to be replayed next (`repostBin`). Call it under the bin's lock.
 *
 * Refuses a move that would take `qty_after` below zero (422 INSUFFICIENT_STOCK naming the move's
 * entry and date) unless negative stock is allowed; the caller's transaction then rolls back.
 *
 * @example
 * const { state, moves, follow } = await replayBin(ctx, { itemId, warehouseId }, { date: '2026-03-01', moveId });
 */
export async function replayBin(
  ctx: Ctx,
  bin: BinKey,
  from: ReplayPoint,
  { moveId: ownMoveId = 0, path = '' }: ReplayOwner = {},
): Promise<ReplayedBin> {
  const [item] = await executeRows<{ sku: string; valuation: string; allow_negative_stock: boolean }>(
    ctx.tx,
    sql`select sku, valuation, allow_negative_stock from erp.items where tenant_id = ${ctx.tenantId} and id = ${bin.itemId}::uuid`,
  );
  const [warehouse] = await executeRows<{ name: string; stock_account_id: string | null }>(
    ctx.tx,
    sql`select name, stock_account_id from erp.warehouses where tenant_id = ${ctx.tenantId} and id = ${bin.warehouseId}::uuid`,
  );
  const [settings] = await executeRows<{ allow_negative_stock: boolean }>(
    ctx.tx,
    sql`select allow_negative_stock from erp.company_settings where tenant_id = ${ctx.tenantId}`,
  );
  if (item === undefined || warehouse === undefined)
    throw new Error(`no bin ${bin.itemId}/${bin.warehouseId}`);
  const negativeAllowed = Boolean(settings?.allow_negative_stock) || item.allow_negative_stock;
  const fifo = item.valuation === 'fifo';
  const start = fifo ? await fifoStart(ctx, bin, from) : from;
  const [before] = await executeRows<{ qty_after: string; value_after: string }>(
    ctx.tx,
    sql`select v.qty_after, v.value_after from erp.stock_moves m
          join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
         where m.tenant_id = ${ctx.tenantId} and m.item_id = ${bin.itemId}::uuid and m.warehouse_id = ${bin.warehouseId}::uuid
           and (m.posting_date, m.id) < (${start.date}::date, ${start.moveId}::bigint)
         order by m.posting_date desc, m.id desc limit 1`,
  );
  const moves = await movesFrom(ctx, bin, start);
  const replayed = new Set(moves.map((move) => Number(move.id)));
  const layers = fifo
    ? await layersBefore(ctx, bin, replayed, () => {
        const message = `${item.sku} in ${warehouse.name}: its FIFO layers are out of date order (a cancellation dated back); post this entry on or after ${moves.at(-1)?.posting_date ?? from.date}`;
        return erp.error('STOCK_LINE_INVALID', message, {
          issues: [{ path: '/postingDate', code: 'backdated', message }],
        });
      })
    : [];
  let fifoIn = layers.reduce((sum, layer) => sum + layer.qty, 0);
  let fifoValue = layers.reduce((sum, layer) => sum + layer.value, 0);
  let qty = Number(before?.qty_after ?? 0);
  let value = Number(before?.value_after ?? 0);
  let fifoOut = fifoIn - qty;
  const newLayers: FifoLayer[] = [];
  const valued = new Map<number, number>();
  const replayedMoves: ReplayedMove[] = [];
  const follow: FollowedReceipt[] = [];
  const consume = (out: number) => {
    const cost = valueAt(layers, fifoOut + out) - valueAt(layers, fifoOut);
    fifoOut += out;
    return cost;
  };
  for (const move of moves) {
    const moveId = Number(move.id);
    const moveQty = Number(move.qty);
    const originalId = move.reverses_id === null ? undefined : Number(move.reverses_id);
    // a reversal's original lies in the same bin, before it: valued by this replay, or as it stands
    const originalValue =
      originalId === undefined ? 0 : (valued.get(originalId) ?? Number(move.original_value_change ?? 0));
    let valueChange: number;
    if (moveQty > 0) {
      if (originalId !== undefined) valueChange = -originalValue;
      else if (move.source_id !== null) {
        valueChange = -(valued.get(Number(move.source_id)) ?? Number(move.source_value_change ?? 0));
      } else valueChange = Number(move.incoming_value ?? 0);
      if (fifo) {
        const layer = {
          moveId,
          cumQtyBefore: fifoIn,
          qty: moveQty,
          cumValueBefore: fifoValue,
          value: valueChange,
        };
        layers.push(layer);
        newLayers.push(layer);
        fifoIn += moveQty;
        fifoValue += valueChange;
      }
    } else {
      const out = -moveQty;
      if (qty - out < 0 && !negativeAllowed) {
        const own = moveId === ownMoveId;
        const message = own
          ? `${item.sku}: ${qty} on hand in ${warehouse.name} on ${move.posting_date}, ${out} to take out`
          : `${item.sku}: ${move.voucher_no} on ${move.posting_date} would take ${out} out of ${warehouse.name} with ${qty} on hand`;
        throw erp.error('INSUFFICIENT_STOCK', message, {
          issues: [{ path: own ? `${path}/qty` : '/postingDate', code: 'insufficient-stock', message }],
        });
      }
      // fifoStart has put a reversal's original receipt (and so its layer) into the replay
      const layer = fifo ? newLayers.find((candidate) => candidate.moveId === originalId) : undefined;
      if (layer !== undefined && layer.cumQtyBefore + layer.qty === fifoIn && fifoOut <= layer.cumQtyBefore) {
        // a cancelled FIFO receipt whose layer is the last and untouched takes it back, exactly
        layers.pop();
        newLayers.pop();
        fifoIn -= layer.qty;
        fifoValue -= layer.value;
        valueChange = 0 - layer.value;
      } else if (fifo) valueChange = 0 - consume(out);
      else if (originalId !== undefined)
        valueChange = 0 - movingAverageReversalCost({ qty, value }, out, originalValue);
      else valueChange = 0 - movingAverageCost({ qty, value }, out);
    }
    qty += moveQty;
    value += valueChange;
    valued.set(moveId, valueChange);
    const was = {
      qtyAfter: Number(move.qty_after ?? 0),
      valueAfter: Number(move.value_after ?? 0),
      valueChange: Number(move.value_change ?? 0),
    };
    replayedMoves.push({
      moveId,
      itemId: bin.itemId,
      warehouseId: bin.warehouseId,
      voucherId: move.voucher_id,
      voucherNo: move.voucher_no,
      lineNo: move.line_no,
      postingDate: move.posting_date,
      qty: moveQty,
      qtyAfter: qty,
      valueAfter: value,
      valueChange,
      kind: move.kind,
      offsetAccountId: move.offset_account_id,
      stockAccountId: warehouse.stock_account_id,
      was,
    });
    if (move.receipt_id !== null && move.receipt_warehouse_id !== null && valueChange !== was.valueChange) {
      follow.push({
        itemId: bin.itemId,
        warehouseId: move.receipt_warehouse_id,
        date: move.posting_date,
        moveId: Number(move.receipt_id),
      });
    }
  }
  const state: ReplayedBinState = {
    ...bin,
    qty,
    value,
    ...(fifo ? { fifo: { fifoIn, fifoOut } } : {}),
  };
  await writeReplay(ctx, bin, replayedMoves, fifo ? { layers: newLayers, replayed } : undefined, state);
  return { state, moves: replayedMoves, follow };
}

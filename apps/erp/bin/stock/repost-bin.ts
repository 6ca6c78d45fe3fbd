import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { erp } from '../erp.js';
import { movingAverageCost } from './moving-average-cost.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** A later move whose value the replay changed: what the ledger must be told (ADR 0027 §6). */
export interface RevaluedMove {
  moveId: number;
  voucherId: string;
  voucherNo: string;
  lineNo: number;
  itemId: string;
  warehouseId: string;
  postingDate: string;
  qty: number;
  qtyAfter: number;
  valueAfter: number;
  /** new value change − the one the ledger holds, in base minor units */
  difference: number;
  /** the stock entry's kind and offset account (the revaluation's other side) */
  kind: string;
  offsetAccountId: string | null;
  stockAccountId: string | null;
}

/** A replayed bin: its state after the last move, the first replayed move's valuation, and the moves revalued. */
export interface RepostedBin {
  qty: number;
  value: number;
  /** FIFO items only: the bin's counters after the replay */
  fifo?: { fifoIn: number; fifoOut: number };
  first: { qtyAfter: number; valueAfter: number; valueChange: number };
  revalued: RevaluedMove[];
}

/** Where the replay starts and how a refusal names the entry being posted. */
export interface RepostFrom {
  /** the first move replayed on `fromDate` (moves of that date before it keep their valuation); 0: all */
  fromMoveId?: number;
  /** the backdated line (`/lines/0`): a refusal of its own move lands at `<path>/qty` */
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
  value_change: string | null;
  kind: string | null;
  offset_account_id: string | null;
};

interface Layer {
  moveId: number;
  cumQtyBefore: number;
  qty: number;
  cumValueBefore: number;
  value: number;
}

/** `F(x)` over in-memory layers (the same arithmetic as `fifoValueAt`). */
function valueAt(layers: readonly Layer[], position: number): number {
  let layer: Layer | undefined;
  for (const candidate of layers) if (candidate.cumQtyBefore <= position) layer = candidate;
  if (layer === undefined) return 0;
  const within = BigInt(Math.min(position - layer.cumQtyBefore, layer.qty));
  return layer.cumValueBefore + Number((BigInt(layer.value) * within) / BigInt(layer.qty));
}

function refuseAt(path: string, message: string) {
  return erp.error('STOCK_LINE_INVALID', message, { issues: [{ path, code: 'backdated', message }] });
}

/**
 * Replays a bin's moves from `fromDate` (and `fromMoveId` on that date) on, in (posting date, id)
 * order, from the state the last valuation row before them left (or zero) — ADR 0027 §6,
 * "Backdated entries". Each outgoing move is re-costed (moving average, or FIFO over the bin's
 * layers rebuilt from that point), `stock_valuation` rows, the moves' `fifo_layers` and the bin
 * are rewritten (projections); `stock_moves` (facts) are never touched. Call it under the bin's
 * lock, after inserting the backdated move with a placeholder valuation row.
 *
 * Refuses (nothing is kept: the caller's transaction rolls back) a replay that takes a later
 * `qty_after` below zero (422 INSUFFICIENT_STOCK naming the date) unless negative stock is
 * allowed, and — not replayed yet — one that crosses a later cancellation or would change a later
 * transfer's cost (422 STOCK_LINE_INVALID at `/postingDate`).
 *
 * @example
 * const { revalued } = await repostBin(ctx, itemId, warehouseId, '2026-03-01', { fromMoveId, path: '/lines/0' });
 */
export async function repostBin(
  ctx: Ctx,
  itemId: string,
  warehouseId: string,
  fromDate: string,
  { fromMoveId = 0, path = '' }: RepostFrom = {},
): Promise<RepostedBin> {
  const [item] = await executeRows<{ sku: string; valuation: string; allow_negative_stock: boolean }>(
    ctx.tx,
    sql`select sku, valuation, allow_negative_stock from erp.items where tenant_id = ${ctx.tenantId} and id = ${itemId}::uuid`,
  );
  const [warehouse] = await executeRows<{ name: string; stock_account_id: string | null }>(
    ctx.tx,
    sql`select name, stock_account_id from erp.warehouses where tenant_id = ${ctx.tenantId} and id = ${warehouseId}::uuid`,
  );
  const [settings] = await executeRows<{ allow_negative_stock: boolean }>(
    ctx.tx,
    sql`select allow_negative_stock from erp.company_settings where tenant_id = ${ctx.tenantId}`,
  );
  if (item === undefined || warehouse === undefined) throw new Error(`no bin ${itemId}/${warehouseId}`);
  const negativeAllowed = Boolean(settings?.allow_negative_stock) || item.allow_negative_stock;
  const fifo = item.valuation === 'fifo';
  const bin = sql`m.tenant_id = ${ctx.tenantId} and m.item_id = ${itemId}::uuid and m.warehouse_id = ${warehouseId}::uuid`;
  const [before] = await executeRows<{ qty_after: string; value_after: string }>(
    ctx.tx,
    sql`select v.qty_after, v.value_after from erp.stock_moves m
          join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
         where ${bin} and (m.posting_date, m.id) < (${fromDate}::date, ${fromMoveId}::bigint)
         order by m.posting_date desc, m.id desc limit 1`,
  );
  const moves = await executeRows<MoveRow>(
    ctx.tx,
    sql`select m.id, m.voucher_id, m.voucher_no, m.line_no, m.posting_date::text as posting_date, m.qty,
               m.incoming_value, m.reverses_id, v.value_change, e.kind, e.offset_account_id
          from erp.stock_moves m
          left join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
          left join erp.stock_entries e on e.tenant_id = m.tenant_id and e.id = m.voucher_id
         where ${bin} and (m.posting_date, m.id) >= (${fromDate}::date, ${fromMoveId}::bigint)
         order by m.posting_date, m.id`,
  );
  const replayed = new Set(moves.map((move) => Number(move.id)));
  // the layers before the replay keep their positions; they must be the bin's first ones
  const layers: Layer[] = fifo
    ? (
        await executeRows<{
          move_id: string;
          cum_qty_before: string;
          qty: string;
          cum_value_before: string;
          value: string;
        }>(
          ctx.tx,
          sql`select move_id, cum_qty_before, qty, cum_value_before, value from erp.fifo_layers
               where tenant_id = ${ctx.tenantId} and item_id = ${itemId}::uuid and warehouse_id = ${warehouseId}::uuid
               order by cum_qty_before`,
        )
      )
        .map((row) => ({
          moveId: Number(row.move_id),
          cumQtyBefore: Number(row.cum_qty_before),
          qty: Number(row.qty),
          cumValueBefore: Number(row.cum_value_before),
          value: Number(row.value),
        }))
        .filter((layer) => !replayed.has(layer.moveId))
    : [];
  let fifoIn = 0;
  let fifoValue = 0;
  for (const layer of layers) {
    if (layer.cumQtyBefore !== fifoIn || layer.cumValueBefore !== fifoValue) {
      throw refuseAt(
        '/postingDate',
        `${item.sku} in ${warehouse.name}: its FIFO layers are out of date order (a cancellation dated back); post this entry on or after ${moves.at(-1)?.posting_date ?? fromDate}`,
      );
    }
    fifoIn += layer.qty;
    fifoValue += layer.value;
  }
  let qty = Number(before?.qty_after ?? 0);
  let value = Number(before?.value_after ?? 0);
  let fifoOut = fifoIn - qty;
  const valuations: { moveId: number; qtyAfter: number; valueAfter: number; valueChange: number }[] = [];
  const newLayers: Layer[] = [];
  const revalued: RevaluedMove[] = [];
  for (const move of moves) {
    const moveId = Number(move.id);
    const moveQty = Number(move.qty);
    const own = moveId === fromMoveId;
    if (move.reverses_id !== null && !own) {
      throw refuseAt(
        '/postingDate',
        `${item.sku} in ${warehouse.name}: ${move.voucher_no} was cancelled on ${move.posting_date}, after this entry's date; post this entry on or after it`,
      );
    }
    let valueChange: number;
    if (moveQty > 0) {
      valueChange = Number(move.incoming_value ?? 0);
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
        const message = own
          ? `${item.sku}: ${qty} on hand in ${warehouse.name} on ${move.posting_date}, ${out} to take out`
          : `${item.sku}: ${move.voucher_no} on ${move.posting_date} would take ${out} out of ${warehouse.name} with ${qty} on hand`;
        throw erp.error('INSUFFICIENT_STOCK', message, {
          issues: [{ path: own ? `${path}/qty` : '/postingDate', code: 'insufficient-stock', message }],
        });
      }
      if (fifo) {
        valueChange = -(valueAt(layers, fifoOut + out) - valueAt(layers, fifoOut));
        fifoOut += out;
      } else valueChange = -movingAverageCost({ qty, value }, out);
    }
    qty += moveQty;
    value += valueChange;
    valuations.push({ moveId, qtyAfter: qty, valueAfter: value, valueChange });
    const difference = valueChange - Number(move.value_change ?? 0);
    if (!own && difference !== 0) {
      if (move.kind !== 'issue' && move.kind !== 'adjustment') {
        throw refuseAt(
          '/postingDate',
          `${item.sku} in ${warehouse.name}: this entry would change the cost of ${move.voucher_no} (${move.kind ?? 'not a stock entry'}) on ${move.posting_date}; post it on or after that date`,
        );
      }
      revalued.push({
        moveId,
        voucherId: move.voucher_id,
        voucherNo: move.voucher_no,
        lineNo: move.line_no,
        itemId,
        warehouseId,
        postingDate: move.posting_date,
        qty: moveQty,
        qtyAfter: qty,
        valueAfter: value,
        difference,
        kind: move.kind,
        offsetAccountId: move.offset_account_id,
        stockAccountId: warehouse.stock_account_id,
      });
    }
  }
  for (const valuation of valuations) {
    await ctx.tx.execute(
      sql`update erp.stock_valuation set qty_after = ${valuation.qtyAfter}::bigint, value_after = ${valuation.valueAfter}::bigint,
            value_change = ${valuation.valueChange}::bigint
          where tenant_id = ${ctx.tenantId} and move_id = ${valuation.moveId}::bigint`,
    );
  }
  if (fifo && replayed.size > 0) {
    await ctx.tx.execute(
      sql`delete from erp.fifo_layers where tenant_id = ${ctx.tenantId} and item_id = ${itemId}::uuid
            and warehouse_id = ${warehouseId}::uuid
            and move_id in (${sql.join(
              [...replayed].map((id) => sql`${id}::bigint`),
              sql`, `,
            )})`,
    );
    for (const layer of newLayers) {
      await ctx.tx.execute(
        sql`insert into erp.fifo_layers (tenant_id, item_id, warehouse_id, move_id, cum_qty_before, qty, cum_value_before, value)
            values (${ctx.tenantId}::uuid, ${itemId}::uuid, ${warehouseId}::uuid, ${layer.moveId}::bigint,
              ${layer.cumQtyBefore}::bigint, ${layer.qty}::bigint, ${layer.cumValueBefore}::bigint, ${layer.value}::bigint)`,
      );
    }
  }
  // a moving-average bin keeps its FIFO counters as they are
  const counters = fifo ? sql`, fifo_in_qty = ${fifoIn}::bigint, fifo_out_qty = ${fifoOut}::bigint` : sql``;
  await ctx.tx.execute(
    sql`update erp.bins set qty = ${qty}::bigint, value = ${value}::bigint${counters}
        where tenant_id = ${ctx.tenantId} and item_id = ${itemId}::uuid and warehouse_id = ${warehouseId}::uuid`,
  );
  const first = valuations[0] ?? { qtyAfter: qty, valueAfter: value, valueChange: 0 };
  return { qty, value, ...(fifo ? { fifo: { fifoIn, fifoOut } } : {}), first, revalued };
}

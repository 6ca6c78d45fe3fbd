import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

/** A bin of one item in one warehouse. */
export interface BinKey {
  itemId: string;
  warehouseId: string;
}

/** One FIFO layer in cumulative form: the incoming move's units hold positions `[cumQtyBefore, cumQtyBefore + qty)`. */
export interface FifoLayer {
  moveId: number;
  cumQtyBefore: number;
  qty: number;
  cumValueBefore: number;
  value: number;
}

type LayerRow = {
  move_id: string | number;
  cum_qty_before: string | number;
  qty: string | number;
  cum_value_before: string | number;
  value: string | number;
};

function layerOf(row: LayerRow): FifoLayer {
  return {
    moveId: Number(row.move_id),
    cumQtyBefore: Number(row.cum_qty_before),
    qty: Number(row.qty),
    cumValueBefore: Number(row.cum_value_before),
    value: Number(row.value),
  };
}

/**
 * `F(x)`: the value of the first `x` units a FIFO bin ever received (ADR 0027 §6) —
 * `cumValueBefore + floor(value × (x − cumQtyBefore) / qty)` on the layer holding position `x`, one
 * indexed lookup. An issue of `q` at out-position `O` costs `F(O + q) − F(O)`; the costs telescope,
 * so a consumed layer costs exactly its value. Positions past the last layer count as that
 * layer's end (units issued beyond the stock, when negative stock is allowed, cost nothing).
 *
 * @example
 * const cost = (await fifoValueAt(ctx, bin, out + qty)) - (await fifoValueAt(ctx, bin, out));
 */
export async function fifoValueAt(ctx: Ctx, bin: BinKey, position: number): Promise<number> {
  const [row] = await executeRows<LayerRow>(
    ctx.tx,
    sql`select move_id, cum_qty_before, qty, cum_value_before, value from erp.fifo_layers
         where tenant_id = ${ctx.tenantId} and item_id = ${bin.itemId}::uuid and warehouse_id = ${bin.warehouseId}::uuid
           and cum_qty_before <= ${position}::bigint
         order by cum_qty_before desc limit 1`,
  );
  if (row === undefined) return 0;
  const layer = layerOf(row);
  const within = BigInt(Math.min(position - layer.cumQtyBefore, layer.qty));
  return layer.cumValueBefore + Number((BigInt(layer.value) * within) / BigInt(layer.qty));
}

/** The FIFO layer an incoming move made, if it made one. */
export async function fifoLayerOfMove(ctx: Ctx, bin: BinKey, moveId: number): Promise<FifoLayer | undefined> {
  const [row] = await executeRows<LayerRow>(
    ctx.tx,
    sql`select move_id, cum_qty_before, qty, cum_value_before, value from erp.fifo_layers
         where tenant_id = ${ctx.tenantId} and item_id = ${bin.itemId}::uuid
           and warehouse_id = ${bin.warehouseId}::uuid and move_id = ${moveId}::bigint`,
  );
  return row === undefined ? undefined : layerOf(row);
}

import { executeRows } from '@codexion/framework/data';
import type { PluginContext } from '@codexion/framework/plugins';
import { type SQL, sql } from 'drizzle-orm';
import type {
  ReportItemsBelowReorderResponse,
  ReportStockBalanceResponse,
  ReportStockLedgerData,
  ReportStockLedgerResponse,
  ReportStockValuationResponse,
} from '../../core/generated/client/types.gen.js';

type Ctx = Pick<PluginContext, 'tx' | 'tenantId'>;

type Numeric = string | number;

/**
 * Quantity and value per (item, warehouse): the bins now, or as of the end of a date the sums of
 * the stock ledger up to it (each move's `value_change`, so they equal the ledger's stock value).
 */
function balances(ctx: Ctx, asOf: string | undefined): SQL {
  if (asOf === undefined) {
    return sql`select item_id, warehouse_id, qty, value from erp.bins where tenant_id = ${ctx.tenantId}`;
  }
  return sql`select m.item_id, m.warehouse_id, sum(m.qty) as qty, sum(v.value_change) as value
               from erp.stock_moves m
               join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
              where m.tenant_id = ${ctx.tenantId} and m.posting_date <= ${asOf}::date
              group by m.item_id, m.warehouse_id`;
}

const and = (condition: SQL | false) => (condition === false ? sql`` : sql` and ${condition}`);

/**
 * The stock balance report: each item's quantity and value per warehouse (rows with stock or
 * value), by SKU then warehouse, and the total value.
 *
 * @example
 * await stockBalance(ctx, { warehouseId, asOf: '2026-03-31' })
 */
export async function stockBalance(
  ctx: Ctx,
  { itemId, warehouseId, asOf }: { itemId?: string; warehouseId?: string; asOf?: string },
): Promise<ReportStockBalanceResponse> {
  const rows = await executeRows<{
    item_id: string;
    sku: string;
    item_name: string;
    warehouse_id: string;
    warehouse_name: string;
    qty: Numeric;
    value: Numeric;
  }>(
    ctx.tx,
    sql`select b.item_id, i.sku, i.name as item_name, b.warehouse_id, w.name as warehouse_name,
               b.qty::text as qty, b.value::text as value
          from (${balances(ctx, asOf)}) b
          join erp.items i on i.tenant_id = ${ctx.tenantId} and i.id = b.item_id
          join erp.warehouses w on w.tenant_id = ${ctx.tenantId} and w.id = b.warehouse_id
         where (b.qty <> 0 or b.value <> 0)${and(itemId !== undefined && sql`b.item_id = ${itemId}::uuid`)}${and(
           warehouseId !== undefined && sql`b.warehouse_id = ${warehouseId}::uuid`,
         )}
         order by i.sku, w.name`,
  );
  const items = rows.map((row) => ({
    itemId: row.item_id,
    sku: row.sku,
    itemName: row.item_name,
    warehouseId: row.warehouse_id,
    warehouseName: row.warehouse_name,
    qty: Number(row.qty),
    value: Number(row.value),
  }));
  return { items, totalValue: items.reduce((sum, row) => sum + row.value, 0) };
}

/**
 * The stock valuation report: each item's quantity and value over all its warehouses, and the
 * total (which equals the stock accounts' balance in the ledger).
 *
 * @example
 * await stockValuation(ctx, { asOf: '2026-12-31' })
 */
export async function stockValuation(
  ctx: Ctx,
  { asOf }: { asOf?: string },
): Promise<ReportStockValuationResponse> {
  const rows = await executeRows<{
    item_id: string;
    sku: string;
    item_name: string;
    valuation: 'fifo' | 'moving-average';
    qty: Numeric;
    value: Numeric;
  }>(
    ctx.tx,
    sql`select b.item_id, i.sku, i.name as item_name, i.valuation,
               sum(b.qty)::text as qty, sum(b.value)::text as value
          from (${balances(ctx, asOf)}) b
          join erp.items i on i.tenant_id = ${ctx.tenantId} and i.id = b.item_id
         group by b.item_id, i.sku, i.name, i.valuation
        having sum(b.qty) <> 0 or sum(b.value) <> 0
         order by i.sku`,
  );
  const items = rows.map((row) => ({
    itemId: row.item_id,
    sku: row.sku,
    itemName: row.item_name,
    valuation: row.valuation,
    qty: Number(row.qty),
    value: Number(row.value),
  }));
  return { items, totalValue: items.reduce((sum, row) => sum + row.value, 0) };
}

/** The stock ledger's filters and page: the action's query without its format. */
export type StockLedgerQuery = Omit<ReportStockLedgerData['query'], 'format'>;

/**
 * The stock ledger of an item: its moves in the order they were valued (by id), each with its
 * bin's quantity and value after it, the valuation rate and the value it changed; one page of
 * `limit` after the cursor `after`.
 *
 * @example
 * const page = await stockLedger(ctx, { itemId, limit: 50 });
 * const next = await stockLedger(ctx, { itemId, limit: 50, after: page.nextCursor ?? undefined });
 */
export async function stockLedger(
  ctx: Ctx,
  { itemId, warehouseId, from, to, after, limit = 100 }: StockLedgerQuery,
): Promise<ReportStockLedgerResponse> {
  const rows = await executeRows<{
    id: Numeric;
    posting_date: string;
    voucher_type: string;
    voucher_id: string;
    voucher_no: string;
    warehouse_id: string;
    warehouse_name: string;
    qty: Numeric;
    qty_after: Numeric;
    rate: Numeric | null;
    value_change: Numeric;
    value_after: Numeric;
    reverses_id: Numeric | null;
  }>(
    ctx.tx,
    sql`select m.id::text as id, m.posting_date::text as posting_date, m.voucher_type, m.voucher_id, m.voucher_no,
               m.warehouse_id, w.name as warehouse_name, m.qty::text as qty, v.qty_after::text as qty_after,
               case when v.qty_after = 0 then null else round(v.value_after::numeric / v.qty_after, 4)::text end as rate,
               v.value_change::text as value_change, v.value_after::text as value_after, m.reverses_id::text as reverses_id
          from erp.stock_moves m
          join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
          join erp.warehouses w on w.tenant_id = m.tenant_id and w.id = m.warehouse_id
         where m.tenant_id = ${ctx.tenantId} and m.item_id = ${itemId}::uuid${and(
           warehouseId !== undefined && sql`m.warehouse_id = ${warehouseId}::uuid`,
         )}${and(from !== undefined && sql`m.posting_date >= ${from}::date`)}${and(
           to !== undefined && sql`m.posting_date <= ${to}::date`,
         )}${and(after !== undefined && sql`m.id > ${after}::bigint`)}
         order by m.id
         limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit).map((row) => ({
    moveId: Number(row.id),
    postingDate: row.posting_date,
    voucherType: row.voucher_type,
    voucherId: row.voucher_id,
    voucherNo: row.voucher_no,
    warehouseId: row.warehouse_id,
    warehouseName: row.warehouse_name,
    qty: Number(row.qty),
    qtyAfter: Number(row.qty_after),
    valuationRate: row.rate === null ? null : Number(row.rate),
    valueChange: Number(row.value_change),
    valueAfter: Number(row.value_after),
    reversesId: row.reverses_id === null ? null : Number(row.reverses_id),
  }));
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last !== undefined ? last.moveId : null };
}

/**
 * Items below their reorder level: each bin under its item's level, and each item with a level
 * and no bin at all (warehouse null, quantity 0) unless a warehouse is asked for.
 *
 * @example
 * await itemsBelowReorder(ctx, {})
 */
export async function itemsBelowReorder(
  ctx: Ctx,
  { warehouseId }: { warehouseId?: string },
): Promise<ReportItemsBelowReorderResponse> {
  const rows = await executeRows<{
    item_id: string;
    sku: string;
    item_name: string;
    warehouse_id: string | null;
    warehouse_name: string | null;
    qty: Numeric;
    reorder_level: Numeric;
    reorder_qty: Numeric;
  }>(
    ctx.tx,
    sql`select * from (
          select i.id as item_id, i.sku, i.name as item_name, b.warehouse_id, w.name as warehouse_name,
                 b.qty::text as qty, i.reorder_level, i.reorder_qty
            from erp.items i
            join erp.bins b on b.tenant_id = i.tenant_id and b.item_id = i.id
            join erp.warehouses w on w.tenant_id = b.tenant_id and w.id = b.warehouse_id
           where i.tenant_id = ${ctx.tenantId} and i.reorder_level > 0 and b.qty < i.reorder_level${and(
             warehouseId !== undefined && sql`b.warehouse_id = ${warehouseId}::uuid`,
           )}
          union all
          select i.id, i.sku, i.name, null, null, '0', i.reorder_level, i.reorder_qty
            from erp.items i
           where i.tenant_id = ${ctx.tenantId} and i.reorder_level > 0 and ${warehouseId === undefined}
             and not exists (select 1 from erp.bins b where b.tenant_id = i.tenant_id and b.item_id = i.id)
        ) below order by sku, warehouse_name nulls first`,
  );
  return {
    items: rows.map((row) => ({
      itemId: row.item_id,
      sku: row.sku,
      itemName: row.item_name,
      warehouseId: row.warehouse_id,
      warehouseName: row.warehouse_name,
      qty: Number(row.qty),
      reorderLevel: Number(row.reorder_level),
      reorderQty: Number(row.reorder_qty),
    })),
  };
}

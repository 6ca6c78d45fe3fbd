import type { StockEntry } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import type { StockMoveLine } from './move-stock.js';

function missingWarehouse(path: string, message: string) {
  return erp.error('STOCK_LINE_INVALID', message, { issues: [{ path, code: 'stock-line', message }] });
}

/**
 * The stock moves of a stock entry's lines, by its kind (ADR 0027 §6): a receipt brings
 * `qty × unitCost` into the target warehouse; an issue takes `qty` out of the source at its
 * valuation; a transfer is that issue followed by a receipt into the target at exactly its cost;
 * an adjustment goes in at a given cost or out at the valuation. The entry's rules already hold
 * the warehouses and costs to the kind; what they cannot see (a value beyond 2^53) is refused here.
 *
 * @example
 * stockEntryMoves({ kind: 'transfer', lines: [{ itemId, fromWarehouseId: a, toWarehouseId: b, qty: 2 }] })
 * // [{ warehouseId: a, qty: -2, … }, { warehouseId: b, qty: 2, costOf: 0, … }]
 */
export function stockEntryMoves(entry: Pick<StockEntry, 'kind' | 'lines'>): StockMoveLine[] {
  const moves: StockMoveLine[] = [];
  entry.lines.forEach((line, lineNo) => {
    const path = `/lines/${lineNo}`;
    const out = () => {
      if (!line.fromWarehouseId)
        throw missingWarehouse(`${path}/fromWarehouseId`, 'names no source warehouse');
      moves.push({
        lineNo,
        itemId: line.itemId,
        warehouseId: line.fromWarehouseId,
        qty: -line.qty,
        path,
        warehouseField: 'fromWarehouseId',
      });
    };
    const into = (value: { incomingValue: number } | { costOf: number }) => {
      if (!line.toWarehouseId) throw missingWarehouse(`${path}/toWarehouseId`, 'names no target warehouse');
      moves.push({
        lineNo,
        itemId: line.itemId,
        warehouseId: line.toWarehouseId,
        qty: line.qty,
        ...value,
        path,
        warehouseField: 'toWarehouseId',
      });
    };
    const atCost = () => {
      if (line.unitCost == null) throw missingWarehouse(`${path}/unitCost`, 'needs a unit cost');
      return { incomingValue: line.unitCost * line.qty };
    };
    if (entry.kind === 'receipt') into(atCost());
    else if (entry.kind === 'issue') out();
    else if (entry.kind === 'transfer') {
      out();
      into({ costOf: moves.length - 1 });
    } else if (line.toWarehouseId) into(atCost());
    else out();
  });
  return moves;
}

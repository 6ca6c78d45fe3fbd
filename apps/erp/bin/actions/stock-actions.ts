import { type CsvColumn, csvAnswer } from '@codexion/framework/http';
import type { AppActions } from '@codexion/framework/plugins';
import type { ErpContract } from '../../core/generated/contract.js';
import { itemsBelowReorder, stockBalance, stockLedger, stockValuation } from '../stock/stock-reports.js';

type StockActions = Pick<
  AppActions<ErpContract>,
  'reportStockBalance' | 'reportStockValuation' | 'reportStockLedger' | 'reportItemsBelowReorder'
>;

/** A report as JSON, or with `format=csv` its rows as a download named `<name>.csv`. */
function reportAnswer<Row, Report extends { items: Row[] }>(
  report: Report,
  format: 'json' | 'csv' | undefined,
  name: string,
  columns: readonly CsvColumn<Row>[],
): { body: Report } | Response {
  return format === 'csv' ? csvAnswer(report.items, columns, { filename: `${name}.csv` }) : { body: report };
}

/**
 * The stock reports (`core/actions/report-stock-*.json`, `report-items-below-reorder.json`): GET
 * actions answering JSON, or with `?format=csv` the same rows as a CSV download.
 *
 * @example
 * erp.definePlugin({ …, actions: { ...erpActions(), ...stockActions() } })
 */
export function stockActions(): StockActions {
  return {
    reportStockBalance: async (ctx, { query: { format, ...filters } }) =>
      reportAnswer(await stockBalance(ctx, filters), format, 'stock-balance', [
        { key: 'sku', header: 'SKU' },
        { key: 'itemName', header: 'Item' },
        { key: 'warehouseName', header: 'Warehouse' },
        { key: 'qty', header: 'Quantity' },
        { key: 'value', header: 'Value' },
      ]),
    reportStockValuation: async (ctx, { query: { format, ...filters } }) =>
      reportAnswer(await stockValuation(ctx, filters), format, 'stock-valuation', [
        { key: 'sku', header: 'SKU' },
        { key: 'itemName', header: 'Item' },
        { key: 'valuation', header: 'Valuation' },
        { key: 'qty', header: 'Quantity' },
        { key: 'value', header: 'Value' },
      ]),
    reportStockLedger: async (ctx, { query: { format, ...filters } }) =>
      reportAnswer(await stockLedger(ctx, filters), format, 'stock-ledger', [
        { key: 'moveId', header: 'Move' },
        { key: 'postingDate', header: 'Date' },
        { key: 'voucherNo', header: 'Voucher' },
        { key: 'warehouseName', header: 'Warehouse' },
        { key: 'qty', header: 'Quantity' },
        { key: 'qtyAfter', header: 'Quantity after' },
        { key: 'valuationRate', header: 'Valuation rate' },
        { key: 'valueChange', header: 'Value change' },
        { key: 'valueAfter', header: 'Value after' },
      ]),
    reportItemsBelowReorder: async (ctx, { query: { format, ...filters } }) =>
      reportAnswer(await itemsBelowReorder(ctx, filters), format, 'items-below-reorder', [
        { key: 'sku', header: 'SKU' },
        { key: 'itemName', header: 'Item' },
        { key: 'warehouseName', header: 'Warehouse' },
        { key: 'qty', header: 'Quantity' },
        { key: 'reorderLevel', header: 'Reorder level' },
        { key: 'reorderQty', header: 'Reorder quantity' },
      ]),
  };
}

import { voucherBalance } from '../../core/ledger/balanced.js';
import { invoiceTotals } from '../../core/ledger/invoice-totals.js';
import type { DocumentEntity } from './document-kinds.js';
import { amountOf, type LineRecord } from './line-drafts.js';

/** One figure under a line table: its catalog key, amount (minor units, or a count) and how it reads. */
export interface DocumentFigure {
  key:
    | 'debit'
    | 'credit'
    | 'difference'
    | 'net'
    | 'tax'
    | 'total'
    | 'amount'
    | 'allocated'
    | 'unallocated'
    | 'qty'
    | 'value';
  value: number;
  /** a count, not money */
  plain?: boolean;
  /** the figure the others add up to */
  strong?: boolean;
  tone?: 'danger';
}

/** The figures of a document and whether it can go to the ledger as it stands. */
export interface DocumentFigures {
  figures: DocumentFigure[];
  /** journal entries: debits equal credits; payments: not allocated beyond the amount */
  balanced?: boolean;
}

/**
 * The live totals under a document's line table, computed with the same core functions the
 * server stores and checks them with (`invoiceTotals`, `voucherBalance`). Lines still being typed
 * count as 0.
 *
 * @example
 * documentFigures('sales-invoice', {}, [{ qty: 3, unitPrice: 1999, taxRateBp: 1900 }]).figures
 * // [{ key: 'net', value: 5997 }, { key: 'tax', value: 1139 }, { key: 'total', value: 7136, strong: true }]
 */
export function documentFigures(
  entity: DocumentEntity,
  record: Record<string, unknown>,
  lines: readonly LineRecord[],
): DocumentFigures {
  switch (entity) {
    case 'journal-entry': {
      const balance = voucherBalance(
        lines.map((line) => ({ debit: amountOf(line.debit), credit: amountOf(line.credit) })),
      );
      return {
        balanced: balance.difference === 0 && balance.debit > 0,
        figures: [
          { key: 'debit', value: balance.debit },
          { key: 'credit', value: balance.credit },
          {
            key: 'difference',
            value: balance.difference,
            strong: true,
            ...(balance.difference !== 0 ? { tone: 'danger' as const } : {}),
          },
        ],
      };
    }
    case 'sales-invoice':
    case 'purchase-invoice': {
      const totals = invoiceTotals(
        lines.map((line) => ({
          qty: Math.max(amountOf(line.qty), 0),
          unitPrice: Math.max(amountOf(line.unitPrice), 0),
          taxRateBp: Math.min(Math.max(amountOf(line.taxRateBp), 0), 10_000),
        })),
      );
      return {
        figures: [
          { key: 'net', value: totals.net },
          { key: 'tax', value: totals.tax },
          { key: 'total', value: totals.total, strong: true },
        ],
      };
    }
    case 'payment': {
      const amount = amountOf(record.amount);
      const allocated = lines.reduce((sum, line) => sum + amountOf(line.amount), 0);
      const over = allocated > amount;
      return {
        balanced: !over,
        figures: [
          { key: 'amount', value: amount },
          { key: 'allocated', value: allocated, ...(over ? { tone: 'danger' as const } : {}) },
          // what is left is kept as an advance to the party
          { key: 'unallocated', value: amount - allocated, strong: true },
        ],
      };
    }
    case 'stock-entry': {
      let qty = 0;
      let value = 0;
      for (const line of lines) {
        qty += amountOf(line.qty);
        value += amountOf(line.qty) * amountOf(line.unitCost);
      }
      return {
        figures: [
          { key: 'qty', value: qty, plain: true },
          { key: 'value', value, strong: true },
        ],
      };
    }
  }
}

import { amountOf, type LineColumn, type LineRecord } from './line-drafts.js';

/** The documents whose lines the ERP edits in a table, by entity name. */
export type DocumentEntity =
  | 'journal-entry'
  | 'sales-invoice'
  | 'purchase-invoice'
  | 'payment'
  | 'stock-entry';

/** How one kind of document's lines are edited and summed. */
export interface DocumentKind {
  entity: DocumentEntity;
  /** the field holding the lines */
  linesField: 'lines' | 'allocations';
  /** the line table's columns, which may depend on the document (a payment's direction) */
  columns: (record: Record<string, unknown>) => LineColumn[];
  /** the currency the line amounts are in: the document's `currency`, or the company's base currency */
  currency: 'document' | 'base';
}

const invoiceColumns: LineColumn[] = [
  { name: 'itemId', kind: 'relation', target: 'item' },
  { name: 'description', kind: 'text', required: true },
  { name: 'qty', kind: 'integer', required: true },
  { name: 'unitPrice', kind: 'money', required: true },
  { name: 'taxRateBp', kind: 'basis-points', emptyAs: 0 },
  { name: 'accountId', kind: 'relation', target: 'account' },
];

/** Every document with a line table, keyed by entity name. */
export const documentKinds: Record<DocumentEntity, DocumentKind> = {
  'journal-entry': {
    entity: 'journal-entry',
    linesField: 'lines',
    currency: 'document',
    columns: () => [
      { name: 'accountId', kind: 'relation', target: 'account', required: true },
      { name: 'partyId', kind: 'relation', target: 'party' },
      { name: 'debit', kind: 'money', required: true, emptyAs: 0 },
      { name: 'credit', kind: 'money', required: true, emptyAs: 0 },
      { name: 'description', kind: 'text' },
    ],
  },
  'sales-invoice': {
    entity: 'sales-invoice',
    linesField: 'lines',
    currency: 'document',
    columns: () => invoiceColumns,
  },
  'purchase-invoice': {
    entity: 'purchase-invoice',
    linesField: 'lines',
    currency: 'document',
    columns: () => invoiceColumns,
  },
  payment: {
    entity: 'payment',
    linesField: 'allocations',
    currency: 'document',
    // a payment received settles sales invoices; one paid, purchase invoices
    columns: (record) => [
      {
        name: 'invoiceId',
        kind: 'relation',
        target: record.direction === 'paid' ? 'purchase-invoice' : 'sales-invoice',
        required: true,
      },
      { name: 'amount', kind: 'money', required: true },
    ],
  },
  'stock-entry': {
    entity: 'stock-entry',
    linesField: 'lines',
    currency: 'base',
    columns: () => [
      { name: 'itemId', kind: 'relation', target: 'item', required: true },
      { name: 'fromWarehouseId', kind: 'relation', target: 'warehouse' },
      { name: 'toWarehouseId', kind: 'relation', target: 'warehouse' },
      { name: 'qty', kind: 'integer', required: true },
      { name: 'unitCost', kind: 'money' },
    ],
  },
};

/** The kind of an entity's document, or `undefined` for entities without a line table. */
export function documentKindOf(entity: string): DocumentKind | undefined {
  return (documentKinds as Record<string, DocumentKind | undefined>)[entity];
}

/** The sum of one amount over lines, a line still being typed counting as 0. */
export function sumOf(lines: readonly LineRecord[], field: string): number {
  return lines.reduce((sum, line) => sum + amountOf(line[field]), 0);
}

import { erp } from '../entities.js';

/**
 * The page of the document a ledger or stock row came from, relative to a report or detail page
 * two levels down (`reports/general-ledger`, `items/:id`), or `undefined` for a voucher type
 * without a page.
 *
 * @example
 * voucherLink('sales-invoice', id) // '../../sales-invoices/<id>'
 */
export function voucherLink(voucherType: string, voucherId: string): string | undefined {
  const entity = erp.get(voucherType);
  return entity ? `../../${entity.resource}/${encodeURIComponent(voucherId)}` : undefined;
}

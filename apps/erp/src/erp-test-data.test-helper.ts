import '@codexion/web/testing/setup-dom';
import { type FakeRoute, fakeId, renderModule } from '@codexion/web/testing';
import { erp } from './entities.js';
import module from './module.js';

/** Named ids, so tests can say which record they mean. */
export const ids = {
  settings: fakeId(1),
  bank: fakeId(11),
  receivables: fakeId(12),
  sales: fakeId(13),
  outputTax: fakeId(14),
  nordwind: fakeId(21),
  widget: fakeId(31),
  mainStore: fakeId(41),
  draftInvoice: fakeId(51),
  postedInvoice: fakeId(52),
  draftEntry: fakeId(61),
};

/**
 * A small company keeping its books in EUR: a bank, receivable, sales and output-tax account, one
 * customer, one item, a warehouse, a draft and a posted sales invoice and a draft journal entry.
 */
export function erpRecords(): Record<string, Record<string, unknown>[]> {
  const account = (id: string, number: string, name: string, rootType: string, accountType: string) => ({
    id,
    number,
    name,
    rootType,
    accountType,
    isGroup: false,
    frozen: false,
    currency: 'EUR',
  });
  const invoice = (id: string, status: string, number: string | null) => ({
    id,
    number,
    kind: 'invoice',
    partyId: ids.nordwind,
    postingDate: '2026-03-02',
    dueDate: '2026-04-01',
    currency: 'EUR',
    rateNano: 1_000_000_000,
    lines: [{ description: 'Widgets', itemId: ids.widget, qty: 3, unitPrice: 1999, taxRateBp: 1900 }],
    net: 5997,
    tax: 1139,
    total: 7136,
    status,
  });
  return {
    'company-settings': [
      {
        id: ids.settings,
        singleton: 'company',
        companyName: 'Nordlicht GmbH',
        baseCurrency: 'EUR',
        receivableAccountId: ids.receivables,
        salesAccountId: ids.sales,
        salesTaxAccountId: ids.outputTax,
        bankAccountId: ids.bank,
      },
    ],
    accounts: [
      account(ids.bank, '1200', 'Bank', 'asset', 'bank'),
      account(ids.receivables, '1400', 'Receivables', 'asset', 'receivable'),
      account(ids.sales, '8400', 'Sales', 'income', 'income'),
      account(ids.outputTax, '1776', 'Output tax', 'liability', 'tax'),
    ],
    parties: [
      { id: ids.nordwind, kind: 'customer', name: 'Nordwind GmbH', currency: 'EUR', paymentTermsDays: 30 },
    ],
    items: [{ id: ids.widget, sku: 'W-1', name: 'Widget', uom: 'pcs', valuation: 'fifo' }],
    warehouses: [{ id: ids.mainStore, name: 'Main store', isGroup: false }],
    'sales-invoices': [
      invoice(ids.draftInvoice, 'draft', null),
      invoice(ids.postedInvoice, 'posted', 'SI-2026-0001'),
    ],
    'journal-entries': [
      {
        id: ids.draftEntry,
        number: null,
        postingDate: '2026-03-03',
        currency: 'EUR',
        rateNano: 1_000_000_000,
        memo: 'Opening cash',
        lines: [
          { accountId: ids.bank, debit: 50_000, credit: 0 },
          { accountId: ids.sales, debit: 0, credit: 50_000 },
        ],
        totalDebit: 50_000,
        totalCredit: 50_000,
        status: 'draft',
      },
    ],
  };
}

/** The ERP module on the fake API at `path`, with {@link erpRecords} and the given extra routes. */
export function renderErp(
  path: string,
  options: {
    routes?: FakeRoute[];
    locale?: string;
    permissions?: string[];
    /** in place of {@link erpRecords} */
    records?: Record<string, Record<string, unknown>[]>;
  } = {},
) {
  return renderModule({ module, catalog: erp, path, records: erpRecords(), ...options });
}

/** `METHOD /path` of each request the page made, for asserting what it called. */
export function requestLines(api: { requests: { method: string; url: string }[] }): string[] {
  return api.requests.map((request) => `${request.method} ${new URL(request.url, 'http://x').pathname}`);
}

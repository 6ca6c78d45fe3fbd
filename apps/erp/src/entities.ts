import type { JsonSchema, RuleFile } from '@codexion/schema';
import { type CustomFieldControlProps, defineEntities } from '@codexion/web';
import type { ComponentType } from 'react';
import { erpResources } from '../core/generated/client/resources.gen.js';
import accountingPeriodRules from '../core/rules/accounting-period.rules.json' with { type: 'json' };
import fiscalYearRules from '../core/rules/fiscal-year.rules.json' with { type: 'json' };
import itemRules from '../core/rules/item.rules.json' with { type: 'json' };
import journalEntryRules from '../core/rules/journal-entry.rules.json' with { type: 'json' };
import paymentRules from '../core/rules/payment.rules.json' with { type: 'json' };
import purchaseInvoiceRules from '../core/rules/purchase-invoice.rules.json' with { type: 'json' };
import salesInvoiceRules from '../core/rules/sales-invoice.rules.json' with { type: 'json' };
import stockEntryRules from '../core/rules/stock-entry.rules.json' with { type: 'json' };
import account from '../core/schema/account.schema.json' with { type: 'json' };
import accountingPeriod from '../core/schema/accounting-period.schema.json' with { type: 'json' };
import companySettings from '../core/schema/company-settings.schema.json' with { type: 'json' };
import costCenter from '../core/schema/cost-center.schema.json' with { type: 'json' };
import currency from '../core/schema/currency.schema.json' with { type: 'json' };
import exchangeRate from '../core/schema/exchange-rate.schema.json' with { type: 'json' };
import fiscalYear from '../core/schema/fiscal-year.schema.json' with { type: 'json' };
import invoiceLine from '../core/schema/invoice-line.schema.json' with { type: 'json' };
import item from '../core/schema/item.schema.json' with { type: 'json' };
import journalEntry from '../core/schema/journal-entry.schema.json' with { type: 'json' };
import journalLine from '../core/schema/journal-line.schema.json' with { type: 'json' };
import party from '../core/schema/party.schema.json' with { type: 'json' };
import payment from '../core/schema/payment.schema.json' with { type: 'json' };
import paymentAllocation from '../core/schema/payment-allocation.schema.json' with { type: 'json' };
import purchaseInvoice from '../core/schema/purchase-invoice.schema.json' with { type: 'json' };
import salesInvoice from '../core/schema/sales-invoice.schema.json' with { type: 'json' };
import stockEntry from '../core/schema/stock-entry.schema.json' with { type: 'json' };
import stockLine from '../core/schema/stock-line.schema.json' with { type: 'json' };
import warehouse from '../core/schema/warehouse.schema.json' with { type: 'json' };
import { DocumentCurrencyControl } from './documents/document-currency-control.js';
import { DocumentStatusControl } from './documents/document-status-control.js';
import { ExchangeRateControl } from './documents/exchange-rate-control.js';
import { LazyLinesControl } from './documents/lazy-lines-control.js';

/**
 * A document's line table in its form, its lines as a table (not a field) on its detail page, its
 * status read-only in the form (the workflow moves it), and its list newest posting date first
 * (documents entered in one go share a creation time).
 */
const withLines = (
  field: 'lines' | 'allocations',
  controls: Record<string, ComponentType<CustomFieldControlProps>> = {},
) => ({
  fieldControls: { [field]: LazyLinesControl, status: DocumentStatusControl, ...controls },
  detailHiddenFields: [field],
  listSort: [
    { field: 'postingDate', desc: true },
    { field: 'number', desc: true },
  ],
});

/** An invoice's currency starts as the company's, its rate reads as a rate (`1.0825`). */
const invoiceControls = { currency: DocumentCurrencyControl, rateNano: ExchangeRateControl };

/** The ERP's entities for the generated pages: schemas and rules straight from core/. */
export const erp = defineEntities({
  app: 'erp',
  schemas: [
    account,
    accountingPeriod,
    companySettings,
    costCenter,
    currency,
    exchangeRate,
    fiscalYear,
    invoiceLine,
    item,
    journalEntry,
    journalLine,
    party,
    payment,
    paymentAllocation,
    purchaseInvoice,
    salesInvoice,
    stockEntry,
    stockLine,
    warehouse,
  ] as JsonSchema[],
  rules: {
    'accounting-period': accountingPeriodRules as unknown as RuleFile,
    'fiscal-year': fiscalYearRules as unknown as RuleFile,
    item: itemRules as unknown as RuleFile,
    'journal-entry': journalEntryRules as unknown as RuleFile,
    payment: paymentRules as unknown as RuleFile,
    'purchase-invoice': purchaseInvoiceRules as unknown as RuleFile,
    'sales-invoice': salesInvoiceRules as unknown as RuleFile,
    'stock-entry': stockEntryRules as unknown as RuleFile,
  },
  options: {
    'journal-entry': withLines('lines', { rateNano: ExchangeRateControl }),
    'sales-invoice': withLines('lines', invoiceControls),
    'purchase-invoice': withLines('lines', invoiceControls),
    payment: withLines('allocations', { rateNano: ExchangeRateControl }),
    'stock-entry': withLines('lines'),
    account: { listSort: [{ field: 'number', desc: false }] },
    item: { listSort: [{ field: 'sku', desc: false }] },
    party: { listSort: [{ field: 'name', desc: false }] },
    'accounting-period': { listSort: [{ field: 'startDate', desc: false }] },
  },
  // the generated pages call each entity's API through the generated SDK
  operations: erpResources,
});

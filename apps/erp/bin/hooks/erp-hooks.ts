import type { AppHooks } from '@codexion/framework/plugins';
import type { ErpContract } from '../../core/generated/contract.js';
import type { ErpEventOutbox } from '../erp.js';
import { accountHooks } from './account-hooks.js';
import { accountingPeriodHooks } from './accounting-period-hooks.js';
import { companySettingsHooks } from './company-settings-hooks.js';
import { currencyHooks, exchangeRateHooks } from './currency-hooks.js';
import { purchaseInvoiceHooks, salesInvoiceHooks } from './invoice-hooks.js';
import { journalEntryHooks } from './journal-entry-hooks.js';
import { partyHooks } from './party-hooks.js';
import { paymentHooks } from './payment-hooks.js';
import { costCenterHooks, warehouseHooks } from './tree-hooks.js';

/**
 * Every resource hook of the ERP's accounting, by entity: posting and cancelling documents,
 * closing periods, moving the lock date (ADR 0027 §3, §7), and the master data's guards (the
 * account, cost center and warehouse trees, parties, currencies, rates, default accounts).
 *
 * @example
 * erp.definePlugin({ …, hooks: erpHooks(erp.eventOutbox()) })
 */
export function erpHooks(events: ErpEventOutbox): AppHooks<ErpContract> {
  return {
    account: accountHooks(),
    'accounting-period': accountingPeriodHooks(),
    'company-settings': companySettingsHooks(),
    'cost-center': costCenterHooks(),
    currency: currencyHooks(),
    'exchange-rate': exchangeRateHooks(),
    'journal-entry': journalEntryHooks(),
    'purchase-invoice': purchaseInvoiceHooks(events),
    'sales-invoice': salesInvoiceHooks(events),
    party: partyHooks(),
    payment: paymentHooks(events),
    warehouse: warehouseHooks(),
  };
}

import type { AppHooks } from '@codexion/framework/plugins';
import type { ErpContract } from '../../core/generated/contract.js';
import type { ErpEventOutbox } from '../erp.js';
import { accountingPeriodHooks } from './accounting-period-hooks.js';
import { companySettingsHooks } from './company-settings-hooks.js';
import { purchaseInvoiceHooks, salesInvoiceHooks } from './invoice-hooks.js';
import { journalEntryHooks } from './journal-entry-hooks.js';
import { paymentHooks } from './payment-hooks.js';

/**
 * Every resource hook of the ERP's accounting, by entity: posting and cancelling documents,
 * closing periods, moving the lock date (ADR 0027 §3, §7).
 *
 * @example
 * erp.definePlugin({ …, hooks: erpHooks(erp.eventOutbox()) })
 */
export function erpHooks(events: ErpEventOutbox): AppHooks<ErpContract> {
  return {
    'accounting-period': accountingPeriodHooks(),
    'company-settings': companySettingsHooks(),
    'journal-entry': journalEntryHooks(),
    'purchase-invoice': purchaseInvoiceHooks(events),
    'sales-invoice': salesInvoiceHooks(events),
    payment: paymentHooks(events),
  };
}

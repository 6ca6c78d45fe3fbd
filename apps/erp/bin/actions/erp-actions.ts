import { inRequest } from '@codexion/framework/errors';
import type { AppActions } from '@codexion/framework/plugins';
import { formatEtag } from '@codexion/framework/resources';
import type { ErpContract } from '../../core/generated/contract.js';
import { erp } from '../erp.js';
import { listOpenItems } from '../ledger/open-items.js';
import { companyOf } from '../ledger/posting-context.js';
import { openFiscalYear } from '../services/open-fiscal-year.js';
import { revalueExchange } from '../services/revalue-exchange.js';
import { findCompanySettings, setupCompany } from '../services/setup-company.js';
import { reportActions } from './report-actions.js';
import { stockActions } from './stock-actions.js';

/**
 * The handlers of `core/actions/*.json`, by action id, each typed by the contract: the operation
 * router has validated `params` and `body` before it runs; each calls its service in the action's
 * transaction and answers.
 *
 * @example
 * erp.definePlugin({ …, actions: erpActions() })
 */
export function erpActions(): AppActions<ErpContract> {
  return {
    ...stockActions(),
    ...reportActions(),
    setupCompany: async (ctx, { body }) => {
      const settings = await setupCompany(ctx, body);
      return { body: settings, headers: { ETag: formatEtag(settings.id, settings.version) } };
    },
    openFiscalYear: async (ctx, { body }) => {
      if ((await findCompanySettings(ctx)) === undefined) {
        throw erp.error('COMPANY_NOT_SET_UP', 'Set the company up first (setup-company)');
      }
      return { body: await openFiscalYear(ctx, body) };
    },
    closePeriod: async (ctx, { params }) => {
      const period = await erp.resource(ctx, 'accounting-period').transition(params.id, 'closed');
      return { body: period, headers: { ETag: formatEtag(period.id, period.version) } };
    },
    reopenPeriod: async (ctx, { params }) => {
      const period = await erp.resource(ctx, 'accounting-period').transition(params.id, 'open');
      return { body: period, headers: { ETag: formatEtag(period.id, period.version) } };
    },
    revalueExchange: async (ctx, { params }) => {
      const result = await revalueExchange(ctx, params.id);
      return { body: result, headers: { ETag: formatEtag(result.period.id, result.period.version) } };
    },
    setLockDate: async (ctx, { body }) => {
      const { id } = await companyOf(ctx);
      const settings = await inRequest('/body', () =>
        erp.resource(ctx, 'company-settings').update(id, { lockDate: body.lockDate }),
      );
      return { body: settings, headers: { ETag: formatEtag(settings.id, settings.version) } };
    },
    listOpenItems: async (ctx, { query }) => ({ body: { items: await listOpenItems(ctx, query) } }),
  };
}

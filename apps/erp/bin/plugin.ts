import { developmentTenantId } from '@codexion/framework/foundation';
import type { PluginDefinition } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { erpActions } from './actions/erp-actions.js';
import { type ErpSubscribers, erp } from './erp.js';
import { seedDemoYear } from './fixtures/seed-demo-year.js';
import { erpHooks } from './hooks/erp-hooks.js';
import { stockHooks } from './hooks/stock-hooks.js';
import { loadStandardChart } from './services/standard-chart.js';

export interface ErpPluginOptions {
  /** more handlers of the ERP's own events, after the writing transaction commits (ADR 0018); tests listen here */
  subscribers?: ErpSubscribers;
}

/**
 * The ERP's backend: its masters and documents as resources from core/, the hooks that post and
 * cancel documents and close periods (`hooks/erp-hooks.ts`), the actions of `core/actions/`, the
 * standard chart for each new tenant (`prefiq.tenant.created`), and the ledger and stock tables of
 * `bin/migrations/0001_ledger.sql` (ADR 0027).
 *
 * @example
 * const kernel = createKernel({ root, plugins: [createErpPlugin()] });
 */
export function createErpPlugin({ subscribers = {} }: ErpPluginOptions = {}): PluginDefinition {
  const events = erp.eventOutbox();
  return erp.definePlugin({
    // JSON imports type `events[].payload` too loosely for AppManifest; the registry validates it at boot
    manifest: manifest as unknown as AppManifest,
    root: new URL('..', import.meta.url),
    resources: tables,
    actions: erpActions(),
    // ledger documents and periods, then the inventory's: no entity has hooks in both
    hooks: { ...erpHooks(events), ...stockHooks(events) },
    subscribers: {
      // a new tenant has the standard chart of accounts before anyone sets its company up
      'prefiq.tenant.created': erp.defineSubscriber('prefiq.tenant.created', loadStandardChart),
      ...subscribers,
    },
    // the demo year of bin/fixtures/generate-demo-year.ts, posted through the workflow, in the
    // development (demo) tenant only: another tenant sets its own company up
    seed: async (ctx) => {
      if (ctx.tenantId === developmentTenantId) await seedDemoYear(ctx);
    },
  });
}

export default createErpPlugin();

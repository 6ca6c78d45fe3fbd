import { fixtureSeed } from '@codexion/framework/fixtures';
import { developmentTenantId } from '@codexion/framework/foundation';
import type { PluginDefinition } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import fixtures from '../core/fixtures/manifest.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { crmActions } from './actions/crm-actions.js';
import { type CrmSubscribers, crm } from './crm.js';
import { crmHooks } from './hooks/crm-hooks.js';

export interface CrmPluginOptions {
  /**
   * handlers of the CRM's own events, delivered by the framework's dispatcher after the writing
   * transaction commits, each in a transaction of its own (ADR 0018); tests listen here
   */
  subscribers?: CrmSubscribers;
}

/**
 * The CRM's backend: its seven tables as resources, the six actions of `core/actions/`, the hooks
 * that set what the schemas leave to the server, the events of `core/app.json`, and the demo data;
 * described against its contract, so a change of `core/` that breaks it does not compile.
 *
 * @example
 * const kernel = createKernel({ root, plugins: [createCrmPlugin({ subscribers: { 'crm.deal.won': onWon } })] });
 */
export function createCrmPlugin({ subscribers = {} }: CrmPluginOptions = {}): PluginDefinition {
  const events = crm.eventOutbox();
  const root = new URL('..', import.meta.url);
  return crm.definePlugin({
    // JSON imports type `events[].payload` too loosely for AppManifest; the registry validates it at boot
    manifest: manifest as unknown as AppManifest,
    root,
    resources: tables,
    actions: crmActions(events),
    hooks: crmHooks(events),
    subscribers,
    // the demo data of core/fixtures/manifest.json; the development tenant keeps the fixtures' ids
    seed: fixtureSeed({ root, tables, ownIdsTenant: developmentTenantId }),
    // the owners and assignees the demo data names
    demoMembers: fixtures.users,
  });
}

export default createCrmPlugin();

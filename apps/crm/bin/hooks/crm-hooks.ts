import type { AppHooks } from '@codexion/framework/plugins';
import type { CrmContract } from '../../core/generated/contract.js';
import type { CrmEventOutbox } from '../crm.js';
import { activityHooks } from './activity-hooks.js';
import { dealHooks } from './deal-hooks.js';
import { personHooks } from './person-hooks.js';

/**
 * Every resource hook of the CRM, by entity: what its schemas and rules leave to the server (tag
 * ids in arrays are references the engine checks and clears itself).
 *
 * @example
 * crm.definePlugin({ …, hooks: crmHooks(crm.eventOutbox()) })
 */
export function crmHooks(events: CrmEventOutbox): AppHooks<CrmContract> {
  return {
    activity: activityHooks(),
    deal: dealHooks(events),
    person: personHooks(),
  };
}

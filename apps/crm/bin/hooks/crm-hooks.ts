import type { AppHooks } from '@codexion/framework';
import type { CrmContract } from '../../core/generated/contract.js';
import type { CrmEventOutbox } from '../crm.js';
import { activityHooks } from './activity-hooks.js';
import { companyHooks } from './company-hooks.js';
import { dealHooks } from './deal-hooks.js';
import { personHooks } from './person-hooks.js';
import { tagHooks } from './tag-hooks.js';

/**
 * Every resource hook of the CRM, by entity: what its schemas and rules leave to the server.
 *
 * @example
 * crm.definePlugin({ …, hooks: crmHooks(crm.eventOutbox()) })
 */
export function crmHooks(events: CrmEventOutbox): AppHooks<CrmContract> {
  return {
    activity: activityHooks(),
    company: companyHooks(),
    deal: dealHooks(events),
    person: personHooks(),
    tag: tagHooks(),
  };
}

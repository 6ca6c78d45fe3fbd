import type { ResourceHooks } from '@codexion/framework';
import type { EventOutbox } from '../services/event-outbox.js';
import { activityHooks } from './activity-hooks.js';
import { companyHooks } from './company-hooks.js';
import { dealHooks } from './deal-hooks.js';
import { personHooks } from './person-hooks.js';
import { tagHooks } from './tag-hooks.js';

/**
 * Every resource hook of the CRM, by entity: what its schemas and rules leave to the server.
 *
 * @example
 * definePlugin({ …, hooks: crmHooks(createEventOutbox()) })
 */
export function crmHooks(events: EventOutbox): Record<string, ResourceHooks> {
  return {
    activity: activityHooks(),
    company: companyHooks(),
    deal: dealHooks(events),
    person: personHooks(),
    tag: tagHooks(),
  };
}

import type { EventOutbox } from '@codexion/framework/events';
import { type AppSubscribers, appKit } from '@codexion/framework/plugins';
import manifest from '../core/app.json' with { type: 'json' };
import type { CrmContract } from '../core/generated/contract.js';

/**
 * The framework's definitions typed by the CRM's contract (`core/generated/contract.ts`): hooks,
 * actions, subscribers, event emission and records, each typed from its name alone.
 *
 * @example
 * crm.defineHooks('deal', { beforeUpdate: async (ctx, next, previous) => … });
 * const deal = await crm.resource(ctx, 'deal').get(id); // a Deal
 */
export const crm = appKit<CrmContract>(manifest);

/** The payloads of the events `core/app.json` declares, by name. */
export type CrmEvents = CrmContract['events'];

/** Where the CRM's services and hooks put the events of a change (see `createEventOutbox`). */
export type CrmEventOutbox = EventOutbox<CrmEvents>;

/** Handlers of the CRM's events by name, as a plugin declares them. */
export type CrmSubscribers = AppSubscribers<CrmContract>;

import type { EventOutbox } from '@codexion/framework/events';
import { type AppSubscribers, appKit } from '@codexion/framework/plugins';
import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import type { ErpContract } from '../core/generated/contract.js';

/**
 * The framework's definitions typed by the ERP's contract (`core/generated/contract.ts`): hooks,
 * actions, subscribers, events, records and error codes, each typed from its name alone.
 *
 * @example
 * erp.defineHooks('journal-entry', { beforeUpdate: async (ctx, next, previous) => … });
 * const account = await erp.resource(ctx, 'account').get(id); // an Account
 * throw erp.error('PERIOD_CLOSED', 'March 2026 is closed');
 */
// JSON imports type `events[].payload` too loosely for AppManifest; the registry validates it at boot
export const erp = appKit<ErpContract>(manifest as unknown as AppManifest);

/** The payloads of the events `core/app.json` declares, by name. */
export type ErpEvents = ErpContract['events'];

/** Where the ERP's services and hooks put the events of a change (see `createEventOutbox`). */
export type ErpEventOutbox = EventOutbox<ErpEvents>;

/** Handlers of the ERP's events by name, as a plugin declares them. */
export type ErpSubscribers = AppSubscribers<ErpContract>;

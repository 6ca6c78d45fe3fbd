import type { AppActions } from '@codexion/framework/plugins';
import type { CortexContract } from '../../core/generated/contract.js';
import { cortex } from '../cortex.js';
import { acceptInvitation } from '../services/accept-invitation.js';
import { listApps, setAppEnabled } from '../services/app-catalog.js';
import type { CortexRuntime } from '../services/cortex-runtime.js';
import { createTenant } from '../services/create-tenant.js';
import { createInvitation, listInvitations, revokeInvitation } from '../services/invitations.js';
import { lookupInvitation } from '../services/lookup-invitation.js';
import { systemStatus } from '../services/system-status.js';
import { readSettings, writeSettings } from '../services/tenant-settings.js';

/**
 * The handlers of `core/actions/*.json`, by action id, each typed by the contract (the operation
 * router has validated its input against the same schemas): each calls its service and answers. `lookupInvitation` and `acceptInvitation` are public: no credentials, no tenant
 * until the token names one.
 *
 * @example
 * cortex.definePlugin({ …, actions: cortexActions(runtime) })
 */
export function cortexActions(runtime: CortexRuntime): AppActions<CortexContract> {
  return {
    listApps: async (ctx) => ({ body: { items: await listApps(ctx, runtime.registry()) } }),
    enableApp: async (ctx, { params }) => {
      const app = await setAppEnabled(ctx, runtime.registry(), params.name, true);
      runtime.appAccess.invalidate(ctx.tenantId);
      return { body: app };
    },
    disableApp: async (ctx, { params }) => {
      const app = await setAppEnabled(ctx, runtime.registry(), params.name, false);
      runtime.appAccess.invalidate(ctx.tenantId);
      return { body: app };
    },
    getSettings: async (ctx) => ({ body: await readSettings(ctx) }),
    // the same values today; the settings may grow what only administrators see, this may not
    getDisplaySettings: async (ctx) => {
      const { locale, timeZone, currency, theme } = await readSettings(ctx);
      return { body: { locale, timeZone, currency, theme } };
    },
    updateSettings: async (ctx, { body }) => ({ body: await writeSettings(ctx, body) }),
    listInvitations: async (ctx) => ({ body: { items: await listInvitations(ctx, runtime.now()) } }),
    createInvitation: async (ctx, { body }) => ({ body: await createInvitation(ctx, runtime, body) }),
    revokeInvitation: async (ctx, { params }) => ({
      body: await revokeInvitation(ctx, params.id, runtime.now()),
    }),
    lookupInvitation: cortex.definePublicAction('lookupInvitation', async (ctx, { body }) => ({
      body: await lookupInvitation(ctx, runtime, body.token),
    })),
    acceptInvitation: cortex.definePublicAction('acceptInvitation', async (ctx, { body }) => {
      await acceptInvitation(ctx, runtime, body);
      return {};
    }),
    createTenant: async (ctx, { body }) => ({ body: await createTenant(ctx, runtime, body) }),
    getSystem: async (ctx) => ({ body: await systemStatus(ctx, runtime) }),
  };
}

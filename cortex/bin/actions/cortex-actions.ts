import { PluginRegistryToken } from '@codexion/framework/kernel';
import type { AppActions } from '@codexion/framework/plugins';
import type { CortexContract } from '../../core/generated/contract.js';
import { cortex } from '../cortex.js';
import { acceptInvitation } from '../services/accept-invitation.js';
import { listApps, setAppEnabled } from '../services/app-catalog.js';
import { CortexNodeToken } from '../services/cortex-node.js';
import { createTenant } from '../services/create-tenant.js';
import { InstalledAppAccessToken } from '../services/installed-app-access.js';
import { createInvitation, listInvitations, revokeInvitation } from '../services/invitations.js';
import { lookupInvitation } from '../services/lookup-invitation.js';
import { systemStatus } from '../services/system-status.js';
import { readSettings, writeSettings } from '../services/tenant-settings.js';

/**
 * The handlers of `core/actions/*.json`, by action id, each typed by the contract (the operation
 * router has validated its input against the same schemas): each calls its service and answers.
 * The kernel's services and Cortex's own come from `ctx.services`, those that write joined to the
 * action's transaction. `lookupInvitation` and `acceptInvitation` are public: no credentials, no
 * tenant until the token names one.
 *
 * @example
 * cortex.definePlugin({ …, actions: cortexActions })
 */
export const cortexActions: AppActions<CortexContract> = {
  listApps: async (ctx) => ({ body: { items: await listApps(ctx, ctx.services.get(PluginRegistryToken)) } }),
  enableApp: async (ctx, { params }) => {
    const app = await setAppEnabled(ctx, ctx.services.get(PluginRegistryToken), params.name, true);
    ctx.services.get(InstalledAppAccessToken).invalidate(ctx.tenantId);
    return { body: app };
  },
  disableApp: async (ctx, { params }) => {
    const app = await setAppEnabled(ctx, ctx.services.get(PluginRegistryToken), params.name, false);
    ctx.services.get(InstalledAppAccessToken).invalidate(ctx.tenantId);
    return { body: app };
  },
  getSettings: async (ctx) => ({ body: await readSettings(ctx) }),
  // the same values today; the settings may grow what only administrators see, this may not
  getDisplaySettings: async (ctx) => {
    const { locale, timeZone, currency, theme } = await readSettings(ctx);
    return { body: { locale, timeZone, currency, theme } };
  },
  updateSettings: async (ctx, { body }) => ({ body: await writeSettings(ctx, body) }),
  listInvitations: async (ctx) => ({
    body: { items: await listInvitations(ctx, ctx.services.get(CortexNodeToken).now()) },
  }),
  createInvitation: async (ctx, { body }) => ({ body: await createInvitation(ctx, body) }),
  revokeInvitation: async (ctx, { params }) => ({
    body: await revokeInvitation(ctx, params.id, ctx.services.get(CortexNodeToken).now()),
  }),
  lookupInvitation: cortex.definePublicAction('lookupInvitation', async (ctx, { body }) => ({
    body: await lookupInvitation(ctx, body.token),
  })),
  acceptInvitation: cortex.definePublicAction('acceptInvitation', async (ctx, { body }) => {
    await acceptInvitation(ctx, body);
    return {};
  }),
  createTenant: async (ctx, { body }) => ({ body: await createTenant(ctx, body) }),
  getSystem: async (ctx) => ({ body: await systemStatus(ctx) }),
};

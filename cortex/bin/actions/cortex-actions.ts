import {
  type ActionHandler,
  type OperationInput,
  type PublicAction,
  publicAction,
} from '@codexion/framework';
import type { TenantSettings } from '../../core/generated/types.js';
import { acceptInvitation } from '../services/accept-invitation.js';
import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  CreateTenantBody,
  LookupInvitationBody,
} from '../services/action-bodies.js';
import { listApps, setAppEnabled } from '../services/app-catalog.js';
import type { CortexRuntime } from '../services/cortex-runtime.js';
import { createTenant } from '../services/create-tenant.js';
import { createInvitation, listInvitations, revokeInvitation } from '../services/invitations.js';
import { lookupInvitation } from '../services/lookup-invitation.js';
import { systemStatus } from '../services/system-status.js';
import { readSettings, writeSettings } from '../services/tenant-settings.js';

/**
 * The body, typed as the contract says: the operation router has validated it against the
 * action's request schema (Ajv, from `core/actions/*.json`) before any handler runs.
 */
function bodyOf<T>(input: OperationInput): T {
  return input.body as T;
}

function paramOf(input: OperationInput, name: string): string {
  return input.params[name] ?? '';
}

/**
 * The handlers of `core/actions/*.json`, by action id: each parses its input, calls its service
 * and answers. `lookupInvitation` and `acceptInvitation` are public: no credentials, no tenant
 * until the token names one.
 *
 * @example
 * definePlugin({ …, actions: cortexActions(runtime) })
 */
export function cortexActions(runtime: CortexRuntime): Record<string, ActionHandler | PublicAction> {
  return {
    listApps: async (ctx) => ({ body: { items: await listApps(ctx, runtime.registry()) } }),
    enableApp: async (ctx, input) => {
      const app = await setAppEnabled(ctx, runtime.registry(), paramOf(input, 'name'), true);
      runtime.appAccess.invalidate(ctx.tenantId);
      return { body: app };
    },
    disableApp: async (ctx, input) => {
      const app = await setAppEnabled(ctx, runtime.registry(), paramOf(input, 'name'), false);
      runtime.appAccess.invalidate(ctx.tenantId);
      return { body: app };
    },
    getSettings: async (ctx) => ({ body: await readSettings(ctx) }),
    // the same values today; the settings may grow what only administrators see, this may not
    getDisplaySettings: async (ctx) => {
      const { locale, timeZone, currency, theme } = await readSettings(ctx);
      return { body: { locale, timeZone, currency, theme } };
    },
    updateSettings: async (ctx, input) => ({ body: await writeSettings(ctx, bodyOf<TenantSettings>(input)) }),
    listInvitations: async (ctx) => ({ body: { items: await listInvitations(ctx, runtime.now()) } }),
    createInvitation: async (ctx, input) => ({
      body: await createInvitation(ctx, runtime, bodyOf<CreateInvitationBody>(input)),
    }),
    revokeInvitation: async (ctx, input) => ({
      body: await revokeInvitation(ctx, paramOf(input, 'id'), runtime.now()),
    }),
    lookupInvitation: publicAction(async (ctx, input) => ({
      body: await lookupInvitation(ctx, runtime, bodyOf<LookupInvitationBody>(input).token),
    })),
    acceptInvitation: publicAction(async (ctx, input) => {
      await acceptInvitation(ctx, runtime, bodyOf<AcceptInvitationBody>(input));
      return {};
    }),
    createTenant: async (ctx, input) => ({
      body: await createTenant(ctx, runtime, bodyOf<CreateTenantBody>(input)),
    }),
    getSystem: async (ctx) => ({ body: await systemStatus(ctx, runtime) }),
  };
}

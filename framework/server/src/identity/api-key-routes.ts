import { createApiKey, listApiKeys, revokeOwnApiKey } from './api-key-service.js';
import {
  type AuthHandlers,
  type AuthRouteDeps,
  currentTenant,
  requestMeta,
  requireUser,
} from './auth-route-kit.js';

/** API keys of the signed-in user in the current tenant. */
export function apiKeyHandlers(
  deps: AuthRouteDeps,
): AuthHandlers<'createApiKey' | 'listApiKeys' | 'revokeApiKey'> {
  const { ctx } = deps;
  return {
    async createApiKey(c, input) {
      const principal = await requireUser(deps, c);
      const created = await createApiKey(
        ctx,
        principal.user,
        currentTenant(principal),
        input.body,
        requestMeta(deps, c),
      );
      return c.json(created, 201);
    },
    async listApiKeys(c, input) {
      const principal = await requireUser(deps, c);
      const { limit, cursor } = input.query;
      return c.json(
        await listApiKeys(ctx, principal.user.id, currentTenant(principal), {
          ...(limit === undefined ? {} : { limit }),
          cursor,
        }),
      );
    },
    async revokeApiKey(c, input) {
      const principal = await requireUser(deps, c);
      await revokeOwnApiKey(ctx, principal.user.id, input.params.id.toLowerCase(), requestMeta(deps, c));
      return c.body(null, 204);
    },
  };
}

import { type AuthHandler, type AuthRouteDeps, requestMeta, requireUser } from './auth-route-kit.js';
import { confirmTotp, disableTotp, enrollTotp } from './mfa-service.js';

/** TOTP enrollment, confirmation and removal (the sign-in step is in the session routes). */
export function mfaHandlers(deps: AuthRouteDeps): Record<string, AuthHandler> {
  const { ctx } = deps;
  return {
    async enrollMfa(c, input) {
      const principal = await requireUser(deps, c);
      const { password } = (input.body ?? {}) as { password?: string };
      return c.json(await enrollTotp(ctx, principal.user, password));
    },
    async confirmMfa(c, input) {
      const principal = await requireUser(deps, c);
      const { code } = input.body as { code: string };
      return c.json(await confirmTotp(ctx, principal.user, code, requestMeta(deps, c)));
    },
    async disableMfa(c, input) {
      const principal = await requireUser(deps, c);
      await disableTotp(
        ctx,
        principal.user,
        input.body as { password?: string; code?: string; recoveryCode?: string },
        requestMeta(deps, c),
      );
      return c.body(null, 204);
    },
  };
}

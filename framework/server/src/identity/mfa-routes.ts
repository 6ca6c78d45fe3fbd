import { type AuthHandlers, type AuthRouteDeps, requestMeta, requireUser } from './auth-route-kit.js';
import { confirmTotp, disableTotp, enrollTotp } from './mfa-service.js';

/** TOTP enrollment, confirmation and removal (the sign-in step is in the session routes). */
export function mfaHandlers(deps: AuthRouteDeps): AuthHandlers<'enrollMfa' | 'confirmMfa' | 'disableMfa'> {
  const { ctx } = deps;
  return {
    async enrollMfa(c, input) {
      const principal = await requireUser(deps, c);
      return c.json(await enrollTotp(ctx, principal.user, input.body.password));
    },
    async confirmMfa(c, input) {
      const principal = await requireUser(deps, c);
      return c.json(await confirmTotp(ctx, principal.user, input.body.code, requestMeta(deps, c)));
    },
    async disableMfa(c, input) {
      const principal = await requireUser(deps, c);
      await disableTotp(ctx, principal.user, input.body, requestMeta(deps, c));
      return c.body(null, 204);
    },
  };
}

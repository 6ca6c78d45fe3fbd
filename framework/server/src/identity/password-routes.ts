import { type AuthHandlers, type AuthRouteDeps, requestMeta, requireUser } from './auth-route-kit.js';
import {
  changePassword,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from './password-service.js';

/** Password reset and change, email verification. */
export function passwordHandlers(
  deps: AuthRouteDeps,
): AuthHandlers<
  'requestPasswordReset' | 'resetPassword' | 'changePassword' | 'requestEmailVerification' | 'verifyEmail'
> {
  const { ctx } = deps;
  return {
    async requestPasswordReset(c, input) {
      await requestPasswordReset(ctx, input.body.email, requestMeta(deps, c));
      return c.body(null, 202);
    },
    async resetPassword(c, input) {
      await resetPassword(ctx, input.body, requestMeta(deps, c));
      return c.body(null, 204);
    },
    async changePassword(c, input) {
      const principal = await requireUser(deps, c);
      await changePassword(ctx, principal.user, principal.session, input.body, requestMeta(deps, c));
      return c.body(null, 204);
    },
    async requestEmailVerification(c) {
      const principal = await requireUser(deps, c);
      await requestEmailVerification(ctx, principal.user);
      return c.body(null, 202);
    },
    async verifyEmail(c, input) {
      await verifyEmail(ctx, input.body.token, requestMeta(deps, c));
      return c.body(null, 204);
    },
  };
}

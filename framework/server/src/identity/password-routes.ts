import { type AuthHandler, type AuthRouteDeps, requestMeta, requireUser } from './auth-route-kit.js';
import {
  changePassword,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from './password-service.js';

/** Password reset and change, email verification. */
export function passwordHandlers(deps: AuthRouteDeps): Record<string, AuthHandler> {
  const { ctx } = deps;
  return {
    async requestPasswordReset(c, input) {
      const { email } = input.body as { email: string };
      await requestPasswordReset(ctx, email, requestMeta(deps, c));
      return c.body(null, 202);
    },
    async resetPassword(c, input) {
      await resetPassword(ctx, input.body as { token: string; password: string }, requestMeta(deps, c));
      return c.body(null, 204);
    },
    async changePassword(c, input) {
      const principal = await requireUser(deps, c);
      await changePassword(
        ctx,
        principal.user,
        principal.session,
        input.body as { currentPassword: string; newPassword: string },
        requestMeta(deps, c),
      );
      return c.body(null, 204);
    },
    async requestEmailVerification(c) {
      const principal = await requireUser(deps, c);
      await requestEmailVerification(ctx, principal.user);
      return c.body(null, 202);
    },
    async verifyEmail(c, input) {
      const { token } = input.body as { token: string };
      await verifyEmail(ctx, token, requestMeta(deps, c));
      return c.body(null, 204);
    },
  };
}

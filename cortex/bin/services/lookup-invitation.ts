import { userByEmail } from '@codexion/framework/identity';
import type { PublicActionContext } from '@codexion/framework/plugins';
import type { LookupInvitationResponse } from '../../core/generated/client/types.gen.js';
import { cortex } from '../cortex.js';
import type { CortexRuntime } from './cortex-runtime.js';
import { openInvitation } from './invitation-by-token.js';
import { parseInvitationToken } from './invitation-token.js';
import { isoTime } from './iso-time.js';
import { tenancyInAction } from './tenancy-in-action.js';

/**
 * What the invitation page shows before the invitee accepts: the address, the tenant, the role
 * and whether the address has an account (then it asks for that password).
 *
 * @throws {DomainError} 404 `INVITATION_NOT_FOUND`, 409 `INVITATION_USED`, 410 `INVITATION_REVOKED` or `INVITATION_EXPIRED`
 *
 * @example
 * const { email, tenantName, existingUser } = await lookupInvitation(ctx, runtime, token);
 */
export async function lookupInvitation(
  ctx: Pick<PublicActionContext, 'inTenant'>,
  runtime: CortexRuntime,
  token: string,
): Promise<LookupInvitationResponse> {
  const parsed = parseInvitationToken(token);
  if (parsed === undefined) throw cortex.error('INVITATION_NOT_FOUND', 'This invitation link is not valid');
  const now = runtime.now();
  const found = await ctx.inTenant(parsed.tenantId, async (tx) => {
    const row = await openInvitation(tx, parsed.hash, now);
    const tenant = await tenancyInAction(tx, runtime).getTenant(parsed.tenantId);
    return { row, tenantName: tenant?.name ?? '' };
  });
  // identity reads users in a transaction of its own: after the tenant's
  const existing = await userByEmail(runtime.identity().context, found.row.email);
  return {
    email: found.row.email,
    tenantId: parsed.tenantId,
    tenantName: found.tenantName,
    role: found.row.role,
    expiresAt: isoTime(found.row.expiresAt),
    existingUser: existing !== undefined,
  };
}

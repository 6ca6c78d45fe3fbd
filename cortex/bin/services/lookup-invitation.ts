import { IdentityToken, userByEmail } from '@codexion/framework/identity';
import type { PublicActionContext } from '@codexion/framework/plugins';
import { TenancyToken } from '@codexion/framework/tenancy';
import type { LookupInvitationResponse } from '../../core/generated/client/types.gen.js';
import { cortex } from '../cortex.js';
import { CortexNodeToken } from './cortex-node.js';
import { openInvitation } from './invitation-by-token.js';
import { parseInvitationToken } from './invitation-token.js';
import { isoTime } from './iso-time.js';

/**
 * What the invitation page shows before the invitee accepts: the address, the tenant, the role
 * and whether the address has an account (then it asks for that password).
 *
 * @throws {DomainError} 404 `INVITATION_NOT_FOUND`, 409 `INVITATION_USED`, 410 `INVITATION_REVOKED` or `INVITATION_EXPIRED`
 *
 * @example
 * const { email, tenantName, existingUser } = await lookupInvitation(ctx, token);
 */
export async function lookupInvitation(
  ctx: Pick<PublicActionContext, 'inTenant' | 'services'>,
  token: string,
): Promise<LookupInvitationResponse> {
  const parsed = parseInvitationToken(token);
  if (parsed === undefined) throw cortex.error('INVITATION_NOT_FOUND', 'This invitation link is not valid');
  const now = ctx.services.get(CortexNodeToken).now();
  const found = await ctx.inTenant(parsed.tenantId, async (tx) => {
    const row = await openInvitation(tx, parsed.hash, now);
    // the tenant's own context: its services join the transaction inTenant opened
    const tenant = await tx.services.get(TenancyToken).getTenant(parsed.tenantId);
    return { row, tenantName: tenant?.name ?? '' };
  });
  // identity reads users in a transaction of its own: after the tenant's
  const existing = await userByEmail(ctx.services.get(IdentityToken).context, found.row.email);
  return {
    email: found.row.email,
    tenantId: parsed.tenantId,
    tenantName: found.tenantName,
    role: found.row.role,
    expiresAt: isoTime(found.row.expiresAt),
    existingUser: existing !== undefined,
  };
}

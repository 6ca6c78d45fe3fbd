import type { PluginContext } from '@codexion/framework/plugins';
import { and, eq } from 'drizzle-orm';
import { memberInvitations } from '../../core/generated/tables.js';
import { cortex } from '../cortex.js';
import type { InvitationRow } from './invitations.js';

/**
 * The invitation a token's secret names in the transaction's tenant, if it can still be
 * accepted; otherwise why not. Unknown tokens reveal nothing.
 *
 * @throws {DomainError} 404 `INVITATION_NOT_FOUND`, 409 `INVITATION_USED`, 410 `INVITATION_REVOKED` or `INVITATION_EXPIRED`
 *
 * @example
 * const invitation = await openInvitation(ctx, parsed.hash, new Date());
 */
export async function openInvitation(
  ctx: Pick<PluginContext, 'tx' | 'tenantId'>,
  hash: string,
  now: Date,
): Promise<InvitationRow> {
  const [row] = await ctx.tx
    .select()
    .from(memberInvitations)
    .where(and(eq(memberInvitations.tenantId, ctx.tenantId), eq(memberInvitations.tokenHash, hash)));
  if (row === undefined) throw cortex.error('INVITATION_NOT_FOUND', 'This invitation link is not valid');
  checkOpen(row, now);
  return row;
}

/** Refuses an invitation that is accepted, revoked or expired. */
export function checkOpen(row: Pick<InvitationRow, 'status' | 'expiresAt'>, now: Date): void {
  if (row.status === 'accepted')
    throw cortex.error('INVITATION_USED', 'This invitation was accepted already');
  if (row.status === 'revoked') throw cortex.error('INVITATION_REVOKED', 'This invitation was revoked');
  if (new Date(row.expiresAt).getTime() <= now.getTime()) {
    throw cortex.error('INVITATION_EXPIRED', 'This invitation has expired: ask for a new one');
  }
}

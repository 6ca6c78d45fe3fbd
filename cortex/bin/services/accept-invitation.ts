import { DomainError } from '@codexion/framework/errors';
import type { Services } from '@codexion/framework/foundation';
import { createUser, IdentityToken, userByEmail } from '@codexion/framework/identity';
import type { PublicActionContext } from '@codexion/framework/plugins';
import { type Access, isRefusal, TenancyToken } from '@codexion/framework/tenancy';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { AcceptInvitationData } from '../../core/generated/client/types.gen.js';
import { memberInvitations } from '../../core/generated/tables.js';
import { cortex } from '../cortex.js';
import { auditCortex, auditEntities } from './cortex-audit.js';
import { CortexNodeToken } from './cortex-node.js';
import { checkOpen, openInvitation } from './invitation-by-token.js';
import { parseInvitationToken } from './invitation-token.js';

type Ctx = Pick<PublicActionContext, 'inTenant' | 'requestId' | 'logger' | 'services'>;

/** The account that accepts: an existing one whose password matches, or a new one. */
async function accountFor(
  services: Services,
  tenantId: string,
  email: string,
  body: AcceptInvitationData['body'],
): Promise<string> {
  const identity = services.get(IdentityToken).context;
  const existing = await userByEmail(identity, email);
  if (existing === undefined) {
    const created = await createUser(identity, {
      email,
      name: body.name?.trim() ?? '',
      password: body.password,
      // the link reached the address
      emailVerified: true,
    }).catch((error: unknown) => {
      // identity names the user's fields; this request's are in its body
      if (error instanceof DomainError) {
        for (const issue of error.issues) issue.path = `/body${issue.path}`;
      }
      throw error;
    });
    return created.id;
  }
  const matches =
    existing.status === 'active' &&
    existing.passwordHash !== null &&
    (await identity.hasher.verify(existing.passwordHash, body.password));
  if (!matches) {
    throw new DomainError('INVALID_CREDENTIALS', `Sign in as ${email}: the password does not match`, {
      issues: [
        { path: '/body/password', code: 'credentials', message: 'is not the password of this account' },
      ],
    });
  }
  const access = await services.get(TenancyToken).resolveAccess({ userId: existing.id, tenantId });
  if (!isRefusal(access))
    throw cortex.error('ALREADY_A_MEMBER', `${email} is a member of this tenant already`);
  return existing.id;
}

/** Marks the invitation accepted if it is still open: of two concurrent accepts, one wins. */
async function claim(ctx: Ctx, tenantId: string, id: string, userId: string, now: Date): Promise<void> {
  await ctx.inTenant(tenantId, async (tx) => {
    const at = now.toISOString();
    const [claimed] = await tx.tx
      .update(memberInvitations)
      .set({
        status: 'accepted',
        acceptedAt: at,
        acceptedBy: userId,
        updatedBy: userId,
        updatedAt: at,
        version: sql`${memberInvitations.version} + 1`,
      })
      .where(
        and(
          eq(memberInvitations.id, id),
          eq(memberInvitations.status, 'pending'),
          gt(memberInvitations.expiresAt, at),
        ),
      )
      .returning({ role: memberInvitations.role });
    if (claimed === undefined) {
      const [current] = await tx.tx
        .select({ status: memberInvitations.status, expiresAt: memberInvitations.expiresAt })
        .from(memberInvitations)
        .where(eq(memberInvitations.id, id));
      if (current !== undefined) checkOpen(current, now);
      throw cortex.error('INVITATION_USED', 'This invitation was accepted already');
    }
    await auditCortex(tx, {
      action: 'invitation_accepted',
      entity: auditEntities.invitation,
      recordId: id,
      actor: { type: 'user', id: userId },
      diff: { status: { before: 'pending', after: 'accepted' } },
      metadata: { role: claimed.role },
    });
  });
}

/** Undoes a claim whose membership could not be made, so the invitation can be used again. */
async function reopen(ctx: Ctx, tenantId: string, id: string, userId: string, reason: string): Promise<void> {
  await ctx
    .inTenant(tenantId, async (tx) => {
      await tx.tx
        .update(memberInvitations)
        .set({ status: 'pending', acceptedAt: null, acceptedBy: null })
        .where(
          and(
            eq(memberInvitations.id, id),
            eq(memberInvitations.status, 'accepted'),
            eq(memberInvitations.acceptedBy, userId),
          ),
        );
      await auditCortex(tx, {
        action: 'invitation_reopened',
        entity: auditEntities.invitation,
        recordId: id,
        diff: { status: { before: 'accepted', after: 'pending' } },
        metadata: { reason },
      });
    })
    .catch((error: unknown) =>
      ctx.logger.error({ err: error, invitation: id }, 'reopening the invitation failed'),
    );
}

/**
 * Accepts an invitation: the address's account (made now with this name and password, or an
 * existing one whose password matches) becomes a member with the invited role. The steps run
 * one transaction at a time (identity, then the tenant's), never one inside another: the
 * invitation is claimed with a conditional update (so one of two concurrent accepts wins), then
 * tenancy's `addMember` adds the membership in the inviter's name, checking again that they may
 * grant the role; if that fails the claim is undone.
 *
 * @throws {DomainError} 404 `INVITATION_NOT_FOUND`, 409 `INVITATION_USED` / `ALREADY_A_MEMBER`,
 *   410 `INVITATION_EXPIRED` / `INVITATION_REVOKED`, 401 `INVALID_CREDENTIALS`, 422 (a weak password)
 *
 * @example
 * await acceptInvitation(ctx, { token, name: 'Ada', password: 'correct horse battery' });
 */
export async function acceptInvitation(ctx: Ctx, body: AcceptInvitationData['body']): Promise<void> {
  const parsed = parseInvitationToken(body.token);
  if (parsed === undefined) throw cortex.error('INVITATION_NOT_FOUND', 'This invitation link is not valid');
  const { tenantId } = parsed;
  const now = ctx.services.get(CortexNodeToken).now();
  const invitation = await ctx.inTenant(tenantId, (tx) => openInvitation(tx, parsed.hash, now));

  // a public action has no transaction: each of these steps opens its own
  const tenancy = ctx.services.get(TenancyToken);
  const inviter = await tenancy.resolveAccess({ userId: invitation.invitedBy, tenantId });
  if (isRefusal(inviter)) {
    throw cortex.error('INVITATION_REVOKED', 'The person who sent this invitation is no longer a member');
  }
  const userId = await accountFor(ctx.services, tenantId, invitation.email, body);
  await claim(ctx, tenantId, invitation.id, userId, now);
  try {
    await tenancy.addMember(adminOf(inviter, ctx.requestId), { userId, role: invitation.role });
  } catch (error) {
    await reopen(ctx, tenantId, invitation.id, userId, error instanceof DomainError ? error.code : 'error');
    if (error instanceof DomainError && error.code === 'CONFLICT') {
      throw cortex.error('ALREADY_A_MEMBER', `${invitation.email} is a member of this tenant already`);
    }
    if (error instanceof DomainError && (error.code === 'FORBIDDEN' || error.code === 'VALIDATION_FAILED')) {
      throw cortex.error('INVITATION_REVOKED', 'The role of this invitation can no longer be granted', {
        cause: error,
      });
    }
    throw error;
  }
}

/** The membership is added in the inviter's name, with what they hold now. */
function adminOf(inviter: Access, requestId: string) {
  return { tenantId: inviter.tenantId, userId: inviter.userId, permissions: inviter.permissions, requestId };
}

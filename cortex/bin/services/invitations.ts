import { DomainError, validationFailed } from '@codexion/framework/errors';
import { hasPermission } from '@codexion/framework/http';
import { IdentityToken } from '@codexion/framework/identity';
import { KernelConfigToken } from '@codexion/framework/kernel';
import type { PluginContext } from '@codexion/framework/plugins';
import { isRefusal, TenancyToken } from '@codexion/framework/tenancy';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { InvitationInfo } from '../../core/generated/client/types.gen.js';
import { memberInvitations } from '../../core/generated/tables.js';
import { cortex } from '../cortex.js';
import { auditCortex, auditEntities } from './cortex-audit.js';
import { CortexNodeToken } from './cortex-node.js';
import { newInvitationToken } from './invitation-token.js';
import { isoTime, isoTimeOrNull } from './iso-time.js';

/** How long an invitation's link works. */
export const invitationTtlMs = 7 * 24 * 60 * 60 * 1000;

export type InvitationRow = typeof memberInvitations.$inferSelect;

/**
 * An invitation as the API shows it: never its token hash; a pending one past its expiry is
 * `expired`.
 *
 * @example
 * invitationInfo(row, new Date()) // { id, email, role, status: 'pending', … }
 */
export function invitationInfo(row: InvitationRow, now: Date): InvitationInfo {
  const expiresAt = isoTime(row.expiresAt);
  const expired = row.status === 'pending' && new Date(expiresAt).getTime() <= now.getTime();
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: expired ? 'expired' : (row.status as InvitationInfo['status']),
    expiresAt,
    invitedBy: row.invitedBy,
    acceptedAt: isoTimeOrNull(row.acceptedAt),
    createdAt: isoTime(row.createdAt),
  };
}

/** The email as stored and compared: trimmed, lower-case (the users' unique index is on `lower(email)`). */
export function normalizeInvitationEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The most {@link listInvitations} answers: the bound `listInvitations` declares in its contract. */
export const invitationListLimit = 1000;

/**
 * The tenant's invitations, newest first: the latest {@link invitationListLimit} of them.
 *
 * @example
 * const items = await listInvitations(ctx, new Date());
 */
export async function listInvitations(
  ctx: Pick<PluginContext, 'tx' | 'tenantId'>,
  now: Date,
): Promise<InvitationInfo[]> {
  const rows = await ctx.tx
    .select()
    .from(memberInvitations)
    .where(eq(memberInvitations.tenantId, ctx.tenantId))
    .orderBy(desc(memberInvitations.createdAt), desc(memberInvitations.id))
    .limit(invitationListLimit);
  return rows.map((row) => invitationInfo(row, now));
}

export interface CreatedInvitation {
  invitation: InvitationInfo;
  /** `/invite/<token>`: the only place the token appears besides the email */
  link: string;
}

/**
 * Invites an address into the tenant with a role, and mails it the link. The role must be one
 * of the tenant's, and the inviter must hold every permission it grants (as tenancy's
 * `addMember`, which checks it again when the invitation is accepted). Concurrent invitations of
 * one address are serialized, so at most one is pending.
 *
 * @throws {DomainError} 422 on `/body/role` (no such role), 403 (a permission the inviter lacks),
 *   409 `INVITATION_PENDING` or `ALREADY_A_MEMBER` on `/body/email`
 *
 * @example
 * const { invitation, link } = await createInvitation(ctx, { email: 'ada@example.com', role: 'member' });
 */
export async function createInvitation(
  ctx: PluginContext,
  input: { email: string; role: string },
): Promise<CreatedInvitation> {
  const inviter = ctx.userId;
  if (inviter === undefined) throw new DomainError('FORBIDDEN', 'Only a signed-in user may invite');
  const email = normalizeInvitationEmail(input.email);
  const now = ctx.services.get(CortexNodeToken).now();
  const tenancy = ctx.services.get(TenancyToken);
  const admin = {
    tenantId: ctx.tenantId,
    userId: inviter,
    permissions: new Set<string>(),
    requestId: ctx.requestId,
  };

  const role = await tenancy.getRole(admin, input.role).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') {
      throw validationFailed([
        { path: '/body/role', code: 'reference', message: 'is not a role of this tenant' },
      ]);
    }
    throw error;
  });
  const access = await tenancy.resolveAccess({ userId: inviter, tenantId: ctx.tenantId });
  const held = isRefusal(access) ? new Set<string>() : access.permissions;
  const missing = role.permissions.find((permission) => !hasPermission(held, permission));
  if (missing !== undefined) {
    throw new DomainError('FORBIDDEN', `You cannot grant ${missing}, which you do not hold`, {
      issues: [
        { path: '/body/role', code: 'forbidden', message: `grants ${missing}, which you do not hold` },
      ],
      extensions: { permission: missing },
    });
  }

  // one invitation of an address at a time, also under concurrent requests
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`cortex.invitation:${ctx.tenantId}:${email}`}))`,
  );
  const members = await tenancy.listMembers(admin);
  if (members.some((member) => normalizeInvitationEmail(member.email) === email)) {
    throw cortex.error('ALREADY_A_MEMBER', `${email} is a member of this tenant already`, {
      issues: [{ path: '/body/email', code: 'member', message: 'is a member already' }],
    });
  }
  const [pending] = await ctx.tx
    .select({ id: memberInvitations.id })
    .from(memberInvitations)
    .where(
      and(
        eq(memberInvitations.tenantId, ctx.tenantId),
        eq(memberInvitations.email, email),
        eq(memberInvitations.status, 'pending'),
        gt(memberInvitations.expiresAt, now.toISOString()),
      ),
    );
  if (pending !== undefined) {
    throw cortex.error('INVITATION_PENDING', `${email} has a pending invitation already: revoke it first`, {
      issues: [{ path: '/body/email', code: 'pending', message: 'has a pending invitation' }],
      extensions: { invitationId: pending.id },
    });
  }

  const { token, hash } = newInvitationToken(ctx.tenantId);
  const expiresAt = new Date(now.getTime() + invitationTtlMs).toISOString();
  const [row] = await ctx.tx
    .insert(memberInvitations)
    .values({
      tenantId: ctx.tenantId,
      email,
      role: role.key,
      tokenHash: hash,
      status: 'pending',
      expiresAt,
      invitedBy: inviter,
      createdBy: inviter,
      updatedBy: inviter,
    })
    .returning();
  if (row === undefined) throw new Error('the invitation insert returned no row');
  await auditCortex(ctx, {
    action: 'invitation_created',
    entity: auditEntities.invitation,
    recordId: row.id,
    metadata: { role: role.key, expiresAt },
  });

  const link = `/invite/${token}`;
  const tenant = await tenancy.getTenant(ctx.tenantId);
  sendInvitation(ctx, {
    to: email,
    tenantName: tenant?.name ?? 'Codexion',
    roleName: role.name,
    url: new URL(link, ctx.services.get(KernelConfigToken).auth.publicUrl).href,
    expiresAt,
  });
  return { invitation: invitationInfo(row, now), link };
}

/** Mails the link; a failing transport is logged, not the request's failure (the link is in the answer). */
function sendInvitation(
  ctx: Pick<PluginContext, 'logger' | 'services'>,
  {
    to,
    tenantName,
    roleName,
    url,
    expiresAt,
  }: Record<'to' | 'tenantName' | 'roleName' | 'url' | 'expiresAt', string>,
): void {
  const until = new Date(expiresAt).toUTCString();
  ctx.services
    .get(IdentityToken)
    .context.email.send({
      to,
      subject: `You are invited to ${tenantName}`,
      text: `You are invited to join ${tenantName} on Codexion as ${roleName}.\n\nTo accept, open this link before ${until}:\n${url}\n\nIf you did not expect it, ignore this email.`,
    })
    .catch((error: unknown) => ctx.logger.error({ err: error }, 'sending the invitation email failed'));
}

/**
 * Revokes a pending (or expired) invitation: its link stops working. Revoking twice changes
 * nothing.
 *
 * @throws {DomainError} 404 `NOT_FOUND`; 409 `INVITATION_USED` for an accepted one
 *
 * @example
 * const invitation = await revokeInvitation(ctx, id, new Date());
 */
export async function revokeInvitation(ctx: PluginContext, id: string, now: Date): Promise<InvitationInfo> {
  const [row] = await ctx.tx
    .select()
    .from(memberInvitations)
    .where(and(eq(memberInvitations.tenantId, ctx.tenantId), eq(memberInvitations.id, id)))
    .for('update');
  if (row === undefined) throw new DomainError('NOT_FOUND', `No invitation ${id} in this tenant`);
  if (row.status === 'accepted') throw cortex.error('INVITATION_USED', 'The invitation was accepted already');
  if (row.status === 'revoked') return invitationInfo(row, now);
  const actor = ctx.userId ?? null;
  const [revoked] = await ctx.tx
    .update(memberInvitations)
    .set({
      status: 'revoked',
      revokedAt: now.toISOString(),
      revokedBy: actor,
      updatedBy: actor,
      updatedAt: now.toISOString(),
      version: sql`${memberInvitations.version} + 1`,
    })
    .where(eq(memberInvitations.id, id))
    .returning();
  await auditCortex(ctx, {
    action: 'invitation_revoked',
    entity: auditEntities.invitation,
    recordId: id,
    diff: { status: { before: row.status, after: 'revoked' } },
  });
  return invitationInfo(revoked ?? row, now);
}

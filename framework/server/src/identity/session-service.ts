import type { IdentityContext, RequestMeta } from './identity-context.js';
import { requireAccess } from './identity-ports.js';
import {
  findLiveSession,
  liveSessionsOf,
  revokeSession,
  revokeUserSessions,
  rotateRefresh,
  type SessionRow,
  type SessionSecrets,
  sessionOfRefresh,
  setSessionTenant,
} from './session-store.js';
import type { UserRow } from './user-store.js';

export type RefreshResult =
  | { kind: 'rotated'; session: SessionRow; user: UserRow; secrets: Omit<SessionSecrets, 'csrf'> }
  | { kind: 'refused'; reused: boolean };

/**
 * Rotates a refresh token (see `rotateRefresh`); a reused one revokes its session and is
 * recorded as a security event.
 */
export async function refreshSession(
  ctx: IdentityContext,
  refresh: string,
  meta: RequestMeta,
): Promise<RefreshResult> {
  const now = ctx.now();
  return ctx.database.transaction(async (tx) => {
    const outcome = await rotateRefresh(tx, refresh, { now, ttl: ctx.settings.auth.session.ttl });
    if (outcome.kind === 'rotated') return outcome;
    if (outcome.kind === 'reused') {
      await ctx.audit(
        {
          action: 'auth.refresh_reuse',
          actorId: outcome.session.userId,
          subject: { type: 'session', id: outcome.session.id },
          ip: meta.ip,
          requestId: meta.requestId,
          details: { revoked: 'session' },
        },
        tx,
      );
      ctx.logger.warn({ session: outcome.session.id }, 'refresh token reused: session revoked');
    }
    return { kind: 'refused', reused: outcome.kind === 'reused' };
  });
}

/** The session a refresh token belongs to, live or not (for CSRF and logout checks). */
export function sessionForRefresh(ctx: IdentityContext, refresh: string): Promise<SessionRow | undefined> {
  return ctx.database.transaction((tx) => sessionOfRefresh(tx, refresh));
}

export async function logout(ctx: IdentityContext, session: SessionRow, meta: RequestMeta): Promise<void> {
  const now = ctx.now();
  await ctx.database.transaction(async (tx) => {
    if (await revokeSession(tx, session.id, 'logout', now)) {
      await ctx.audit(
        {
          action: 'auth.logout',
          actorId: session.userId,
          tenantId: session.tenantId ?? undefined,
          subject: { type: 'session', id: session.id },
          ip: meta.ip,
          requestId: meta.requestId,
        },
        tx,
      );
    }
  });
}

/** Ends every session of the user ("sign out everywhere"); returns how many. */
export async function logoutEverywhere(
  ctx: IdentityContext,
  userId: string,
  meta: RequestMeta,
): Promise<number> {
  const now = ctx.now();
  return ctx.database.transaction(async (tx) => {
    const count = await revokeUserSessions(tx, userId, 'logout_all', now);
    await ctx.audit(
      {
        action: 'auth.logout_all',
        actorId: userId,
        subject: { type: 'user', id: userId },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { sessions: count },
      },
      tx,
    );
    return count;
  });
}

export function sessionsOf(ctx: IdentityContext, userId: string): Promise<SessionRow[]> {
  const now = ctx.now();
  return ctx.database.transaction((tx) => liveSessionsOf(tx, userId, now));
}

/** Revokes one of the user's own sessions; `false` when it is not theirs or not live. */
export async function revokeOwnSession(
  ctx: IdentityContext,
  userId: string,
  sessionId: string,
  meta: RequestMeta,
): Promise<boolean> {
  const now = ctx.now();
  return ctx.database.transaction(async (tx) => {
    const live = await findLiveSession(tx, { id: sessionId }, now);
    if (live === undefined || live.session.userId !== userId) return false;
    await revokeSession(tx, sessionId, 'revoked_by_user', now);
    await ctx.audit(
      {
        action: 'auth.session_revoked',
        actorId: userId,
        subject: { type: 'session', id: sessionId },
        ip: meta.ip,
        requestId: meta.requestId,
      },
      tx,
    );
    return true;
  });
}

/**
 * Moves a session to another tenant, once tenancy confirms the user is a member of it.
 *
 * @throws {DomainError} 403 from tenancy when the user is not a member
 */
export async function switchTenant(
  ctx: IdentityContext,
  session: SessionRow,
  tenantId: string,
  meta: RequestMeta,
): Promise<{ roles: readonly string[]; permissions: readonly string[] }> {
  const access = await requireAccess(ctx.tenancy, session.userId, tenantId);
  await ctx.database.transaction(async (tx) => {
    await setSessionTenant(tx, session.id, tenantId);
    await ctx.audit(
      {
        action: 'auth.tenant_switched',
        actorId: session.userId,
        tenantId,
        subject: { type: 'session', id: session.id },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { from: session.tenantId },
      },
      tx,
    );
  });
  return access;
}

import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { refreshTokens, sessions, users } from './identity-tables.js';
import { hashSecret, newSecret } from './secret-token.js';
import type { UserRow } from './user-store.js';

export type SessionRow = typeof sessions.$inferSelect;

/** The secrets of a new or refreshed session: handed to the client once, stored only hashed. */
export interface SessionSecrets {
  /** the session cookie (or what a bearer client never sees: it gets a JWT instead) */
  access: string;
  accessExpiresAt: Date;
  refresh: string;
  /** the double-submit CSRF token, bound to the session by its hash */
  csrf: string;
}

export interface OpenSessionInput {
  userId: string;
  tenantId?: string | undefined;
  amr: readonly string[];
  ip: string;
  userAgent?: string | undefined;
  now: Date;
  /** seconds */
  ttl: number;
  /** seconds: the absolute lifetime of the sign-in */
  refreshTtl: number;
}

const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

/**
 * Starts a session (a refresh-token family) with its first access secret and refresh token.
 *
 * @example
 * const { session, secrets } = await openSession(tx, { userId, amr: ['pwd'], ip, now, ttl: 1800, refreshTtl: 43200 });
 */
export async function openSession(
  tx: Db,
  input: OpenSessionInput,
): Promise<{ session: SessionRow; secrets: SessionSecrets }> {
  const access = newSecret();
  const refresh = newSecret();
  const csrf = newSecret();
  const expiresAt = later(input.now, input.refreshTtl);
  const accessExpiresAt = new Date(Math.min(later(input.now, input.ttl).getTime(), expiresAt.getTime()));
  const [session] = await tx
    .insert(sessions)
    .values({
      userId: input.userId,
      tenantId: input.tenantId ?? null,
      accessHash: hashSecret(access),
      accessExpiresAt,
      csrfHash: hashSecret(csrf),
      amr: [...input.amr],
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
    })
    .returning();
  if (session === undefined) throw new Error('session insert returned no row');
  await tx
    .insert(refreshTokens)
    .values({ sessionId: session.id, tokenHash: hashSecret(refresh), createdAt: input.now, expiresAt });
  return { session, secrets: { access, accessExpiresAt, refresh, csrf } };
}

/** A live session and its user, by the hash of its access secret or by id. */
export async function findLiveSession(
  tx: Db,
  by: { accessHash: string } | { id: string },
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const match = 'id' in by ? eq(sessions.id, by.id) : eq(sessions.accessHash, by.accessHash);
  const [row] = await tx
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(match, isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

/** Marks a session seen, at most once a minute (a write per request would cost more than it tells). */
export async function touchSession(tx: Db, session: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
}

export type RefreshOutcome =
  | { kind: 'rotated'; session: SessionRow; user: UserRow; secrets: Omit<SessionSecrets, 'csrf'> }
  | { kind: 'reused'; session: SessionRow }
  | { kind: 'invalid' };

/**
 * Rotates a refresh token: the presented one is marked used and replaced, and the session gets a
 * new access secret. A token presented a second time means it leaked (or a client raced itself):
 * the whole family (session) is revoked. The row lock serializes two refreshes of one token.
 */
export async function rotateRefresh(
  tx: Db,
  refresh: string,
  { now, ttl }: { now: Date; ttl: number },
): Promise<RefreshOutcome> {
  const [token] = await tx
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashSecret(refresh)))
    .for('update')
    .limit(1);
  if (token === undefined) return { kind: 'invalid' };
  const [row] = await tx
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, token.sessionId))
    .limit(1);
  if (row === undefined) return { kind: 'invalid' };
  if (token.usedAt !== null) {
    if (row.session.revokedAt === null) await revokeSession(tx, row.session.id, 'refresh_reuse', now);
    return { kind: 'reused', session: row.session };
  }
  if (row.session.revokedAt !== null || row.session.expiresAt <= now || token.expiresAt <= now)
    return { kind: 'invalid' };
  if (row.user.status !== 'active') return { kind: 'invalid' };

  const access = newSecret();
  const next = newSecret();
  const accessExpiresAt = new Date(Math.min(later(now, ttl).getTime(), row.session.expiresAt.getTime()));
  const [replacement] = await tx
    .insert(refreshTokens)
    .values({
      sessionId: row.session.id,
      tokenHash: hashSecret(next),
      createdAt: now,
      expiresAt: row.session.expiresAt,
    })
    .returning({ id: refreshTokens.id });
  await tx
    .update(refreshTokens)
    .set({ usedAt: now, replacedBy: replacement?.id ?? null })
    .where(eq(refreshTokens.id, token.id));
  const [session] = await tx
    .update(sessions)
    .set({ accessHash: hashSecret(access), accessExpiresAt, lastSeenAt: now })
    .where(eq(sessions.id, row.session.id))
    .returning();
  if (session === undefined) return { kind: 'invalid' };
  // the CSRF token stays: it is bound to the session, not to one access secret
  return { kind: 'rotated', session, user: row.user, secrets: { access, accessExpiresAt, refresh: next } };
}

/** The session a refresh token belongs to, without using it (logout with an expired session cookie). */
export async function sessionOfRefresh(tx: Db, refresh: string): Promise<SessionRow | undefined> {
  const [row] = await tx
    .select({ session: sessions })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.tokenHash, hashSecret(refresh)))
    .limit(1);
  return row?.session;
}

export async function revokeSession(tx: Db, id: string, reason: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Revokes every live session of a user, but `except` (the one asking, after a password change). */
export async function revokeUserSessions(
  tx: Db,
  userId: string,
  reason: string,
  now: Date,
  except?: string,
): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        except === undefined ? undefined : ne(sessions.id, except),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function liveSessionsOf(tx: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(200);
}

export async function setSessionTenant(tx: Db, id: string, tenantId: string): Promise<void> {
  await tx.update(sessions).set({ tenantId }).where(eq(sessions.id, id));
}

/** Sessions that ended long ago are of no use to anyone; called now and then. */
export async function pruneSessions(tx: Db, before: Date): Promise<void> {
  await tx.execute(
    sql`delete from prefiq.sessions where expires_at < ${before.toISOString()}::timestamptz or revoked_at < ${before.toISOString()}::timestamptz`,
  );
}

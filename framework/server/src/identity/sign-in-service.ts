import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import type { DomainError } from '../errors/domain-error.js';
import type { IdentityContext, RequestMeta } from './identity-context.js';
import { accountLocked, invalidCredentials } from './identity-errors.js';
import { requireAccess } from './identity-ports.js';
import { mfaRecoveryCodes, mfaTotp, users } from './identity-tables.js';
import { lockedFor, pruneAttempts, recordFailure, recordSuccess } from './login-throttle.js';
import {
  consumeOneTimeToken,
  findOneTimeToken,
  issueOneTimeToken,
  updateOneTimeTokenData,
} from './one-time-tokens.js';
import { openSession, type SessionRow, type SessionSecrets } from './session-store.js';
import { checkTotp, hashRecoveryCode } from './totp.js';
import { findUserByEmail, findUserById, normalizeEmail, type UserRow } from './user-store.js';

export interface SignedIn {
  kind: 'signed_in';
  user: UserRow;
  session: SessionRow;
  secrets: SessionSecrets;
}

export interface MfaRequired {
  kind: 'mfa_required';
  challengeToken: string;
  expiresIn: number;
}

/** Wrong MFA codes one challenge tolerates before the password step must be done again. */
const challengeAttempts = 5;
let failuresSincePrune = 0;

/**
 * The tenant a new session starts in: the one asked for (if the user is a member of it), else
 * the one tenancy picks, else none (the client switches later).
 */
export async function startingTenant(
  ctx: IdentityContext,
  userId: string,
  requested?: string,
): Promise<string | undefined> {
  if (requested !== undefined) {
    await requireAccess(ctx.tenancy, userId, requested);
    return requested;
  }
  return ctx.tenancy.defaultTenant?.(userId);
}

async function start(
  ctx: IdentityContext,
  user: UserRow,
  amr: readonly string[],
  tenantId: string | undefined,
  meta: RequestMeta,
  extra?: (tx: Db) => Promise<void>,
): Promise<SignedIn> {
  const now = ctx.now();
  const { session: sessionSettings } = ctx.settings.auth;
  return ctx.database.transaction(async (tx) => {
    await extra?.(tx);
    await recordSuccess(tx, normalizeEmail(user.email), meta.ip, now);
    const { session, secrets } = await openSession(tx, {
      userId: user.id,
      tenantId,
      amr,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
      ttl: sessionSettings.ttl,
      refreshTtl: sessionSettings.refreshTtl,
    });
    await ctx.audit(
      {
        action: 'auth.login',
        actorId: user.id,
        tenantId,
        subject: { type: 'session', id: session.id },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { amr },
      },
      tx,
    );
    return { kind: 'signed_in' as const, user, session, secrets };
  });
}

/** Records a failed step of a sign-in and returns the error to answer with. */
async function failed(
  ctx: IdentityContext,
  email: string,
  user: UserRow | undefined,
  meta: RequestMeta,
  reason: string,
  alsoInTx?: (tx: Db) => Promise<void>,
): Promise<DomainError> {
  const now = ctx.now();
  const { lockout } = ctx.settings.auth;
  const outcome = await ctx.database.transaction(async (tx) => {
    await alsoInTx?.(tx);
    failuresSincePrune += 1;
    if (failuresSincePrune >= 500) {
      failuresSincePrune = 0;
      await pruneAttempts(tx, new Date(now.getTime() - 2 * Math.max(lockout.windowMs, lockout.lockMs)));
    }
    const result = await recordFailure(tx, email, meta.ip, now, lockout);
    await ctx.audit(
      {
        action: 'auth.login_failed',
        actorId: user?.id,
        subject: user === undefined ? undefined : { type: 'user', id: user.id },
        ip: meta.ip,
        requestId: meta.requestId,
        // not the email: an unknown account's attempted address is personal data of someone
        details: { reason },
      },
      tx,
    );
    if (result.lockedFor !== undefined) {
      await ctx.audit(
        {
          action: 'auth.lockout',
          actorId: user?.id,
          ip: meta.ip,
          requestId: meta.requestId,
          details: { scope: result.scope, seconds: result.lockedFor },
        },
        tx,
      );
    }
    return result;
  });
  ctx.logger.info({ reason, locked: outcome.lockedFor !== undefined }, 'sign-in failed');
  return invalidCredentials();
}

/**
 * The password step of a sign-in. Refuses a locked account or address (429) before looking at
 * the password; costs the same time whether the account exists or not; counts failures toward
 * the lockout; rehashes a password stored with old parameters. With MFA on, returns a challenge
 * token for {@link completeMfa} instead of a session.
 *
 * @throws {DomainError} ACCOUNT_LOCKED (429, `retryAfter`), INVALID_CREDENTIALS (401), 403 (a tenant not theirs)
 */
export async function passwordLogin(
  ctx: IdentityContext,
  input: { email: string; password: string; tenantId?: string | undefined; mode: 'cookie' | 'token' },
  meta: RequestMeta,
): Promise<SignedIn | MfaRequired> {
  const email = normalizeEmail(input.email);
  const now = ctx.now();
  const { locked, user } = await ctx.database.transaction(async (tx) => ({
    locked: await lockedFor(tx, email, meta.ip, now),
    user: await findUserByEmail(tx, email),
  }));
  if (locked !== undefined) throw accountLocked(locked);

  let ok = false;
  if (user?.passwordHash != null) ok = await ctx.hasher.verify(user.passwordHash, input.password);
  else await ctx.hasher.burn(input.password);
  if (!ok || user === undefined)
    throw await failed(ctx, email, user, meta, user === undefined ? 'unknown' : 'password');
  if (user.status !== 'active') throw await failed(ctx, email, user, meta, `status ${user.status}`);

  const rehash =
    user.passwordHash !== null && ctx.hasher.needsRehash(user.passwordHash)
      ? await ctx.hasher.hash(input.password)
      : undefined;
  const tenantId = await startingTenant(ctx, user.id, input.tenantId);
  const saveRehash = async (tx: Db) => {
    if (rehash !== undefined)
      await tx.update(users).set({ passwordHash: rehash }).where(eq(users.id, user.id));
  };

  if (user.mfaEnabled) {
    const ttl = ctx.settings.auth.mfa.challengeTtl;
    const challengeToken = await ctx.database.transaction(async (tx) => {
      await saveRehash(tx);
      return issueOneTimeToken(tx, {
        userId: user.id,
        purpose: 'mfa_challenge',
        ttl,
        now,
        data: { tenantId: tenantId ?? null, failures: 0 },
      });
    });
    return { kind: 'mfa_required', challengeToken, expiresIn: ttl };
  }
  return start(ctx, user, ['pwd'], tenantId, meta, saveRehash);
}

/**
 * The second step of a sign-in with MFA: a TOTP code (not one used before) or an unused recovery
 * code, against the challenge token of the password step. Wrong codes count toward the account
 * lockout, and a challenge dies after five.
 *
 * @throws {DomainError} INVALID_CREDENTIALS (401), ACCOUNT_LOCKED (429)
 */
export async function completeMfa(
  ctx: IdentityContext,
  input: { challengeToken: string; code?: string | undefined; recoveryCode?: string | undefined },
  meta: RequestMeta,
): Promise<SignedIn> {
  const now = ctx.now();
  type Step =
    | { kind: 'invalid' }
    | { kind: 'locked'; seconds: number }
    | { kind: 'wrong'; user: UserRow; challengeId: string; failures: number; data: Record<string, unknown> }
    | { kind: 'ok'; user: UserRow; tenantId: string | undefined; amr: string[]; challengeId: string };
  const step = await ctx.database.transaction(async (tx): Promise<Step> => {
    const challenge = await findOneTimeToken(tx, input.challengeToken, 'mfa_challenge', now);
    if (challenge === undefined) return { kind: 'invalid' };
    const user = await findUserById(tx, challenge.userId);
    if (user === undefined || user.status !== 'active' || !user.mfaEnabled) return { kind: 'invalid' };
    const locked = await lockedFor(tx, normalizeEmail(user.email), meta.ip, now);
    if (locked !== undefined) return { kind: 'locked', seconds: locked };
    const tenantId = typeof challenge.data.tenantId === 'string' ? challenge.data.tenantId : undefined;
    const failures = typeof challenge.data.failures === 'number' ? challenge.data.failures : 0;
    const wrong: Step = { kind: 'wrong', user, challengeId: challenge.id, failures, data: challenge.data };

    if (input.code !== undefined) {
      const [totp] = await tx
        .select()
        .from(mfaTotp)
        .where(eq(mfaTotp.userId, user.id))
        .for('update')
        .limit(1);
      if (totp?.confirmedAt == null) return wrong;
      const timeStep = await checkTotp(ctx.box.open(totp.secretEncrypted, user.id), input.code, {
        now,
        after: totp.lastTimeStep ?? undefined,
      });
      if (timeStep === undefined) return wrong;
      await tx.update(mfaTotp).set({ lastTimeStep: timeStep }).where(eq(mfaTotp.userId, user.id));
      return { kind: 'ok', user, tenantId, amr: ['pwd', 'otp'], challengeId: challenge.id };
    }
    if (input.recoveryCode !== undefined) {
      const used = await tx
        .update(mfaRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(mfaRecoveryCodes.userId, user.id),
            eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(input.recoveryCode)),
            isNull(mfaRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: mfaRecoveryCodes.id });
      if (used.length === 0) return wrong;
      await ctx.audit(
        { action: 'auth.mfa_recovery_code_used', actorId: user.id, ip: meta.ip, requestId: meta.requestId },
        tx,
      );
      return { kind: 'ok', user, tenantId, amr: ['pwd', 'mfa'], challengeId: challenge.id };
    }
    return wrong;
  });

  if (step.kind === 'invalid') throw invalidCredentials();
  if (step.kind === 'locked') throw accountLocked(step.seconds);
  if (step.kind === 'wrong') {
    const failures = step.failures + 1;
    throw await failed(ctx, normalizeEmail(step.user.email), step.user, meta, 'mfa code', async (tx) => {
      if (failures >= challengeAttempts)
        await consumeOneTimeToken(tx, input.challengeToken, 'mfa_challenge', now);
      else await updateOneTimeTokenData(tx, step.challengeId, { ...step.data, failures });
    });
  }
  return start(ctx, step.user, step.amr, step.tenantId, meta, async (tx) => {
    await consumeOneTimeToken(tx, input.challengeToken, 'mfa_challenge', now);
  });
}

/** A session started by someone else's word (single sign-on): no password step, no lockout. */
export function startSession(
  ctx: IdentityContext,
  user: UserRow,
  amr: readonly string[],
  tenantId: string | undefined,
  meta: RequestMeta,
): Promise<SignedIn> {
  return start(ctx, user, amr, tenantId, meta);
}

import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '../errors/domain-error.js';
import type { IdentityContext, RequestMeta } from './identity-context.js';
import { invalidCredentials } from './identity-errors.js';
import { mfaRecoveryCodes, mfaTotp, users } from './identity-tables.js';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri } from './totp.js';
import type { UserRow } from './user-store.js';

/** Re-authentication for changes to a sign-in method (ASVS V2.5/V2.8): the password, when there is one. */
async function checkPassword(
  ctx: IdentityContext,
  user: UserRow,
  password: string | undefined,
): Promise<void> {
  if (user.passwordHash === null) return;
  if (password === undefined || !(await ctx.hasher.verify(user.passwordHash, password))) {
    const error = invalidCredentials();
    error.issues.push({ path: '/body/password', code: 'invalid', message: 'is not your password' });
    throw error;
  }
}

/**
 * Starts TOTP enrollment: a new secret (stored encrypted, not active until confirmed) and its
 * `otpauth://` URI for a QR code.
 *
 * @throws {DomainError} CONFLICT when MFA is on already; INVALID_CREDENTIALS when the password is wrong
 */
export async function enrollTotp(
  ctx: IdentityContext,
  user: UserRow,
  password: string | undefined,
): Promise<{ secret: string; otpauthUri: string }> {
  if (user.mfaEnabled)
    throw new DomainError('CONFLICT', 'Two-factor authentication is on already; disable it first');
  await checkPassword(ctx, user, password);
  const secret = newTotpSecret();
  const sealed = ctx.box.seal(secret, user.id);
  const now = ctx.now();
  await ctx.database.transaction(async (tx) => {
    await tx
      .insert(mfaTotp)
      .values({ userId: user.id, secretEncrypted: sealed, createdAt: now })
      .onConflictDoUpdate({
        target: mfaTotp.userId,
        set: { secretEncrypted: sealed, confirmedAt: null, lastTimeStep: null, createdAt: now },
      });
  });
  return {
    secret,
    otpauthUri: otpauthUri({ issuer: ctx.settings.auth.mfa.issuer, label: user.email, secret }),
  };
}

/**
 * Confirms enrollment with a code from the app: MFA is on from now, and ten recovery codes are
 * returned, once (only their hashes are kept).
 *
 * @throws {DomainError} CONFLICT (nothing to confirm), INVALID_CREDENTIALS (wrong code)
 */
export async function confirmTotp(
  ctx: IdentityContext,
  user: UserRow,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[] }> {
  const now = ctx.now();
  const recoveryCodes = newRecoveryCodes();
  const outcome = await ctx.database.transaction(async (tx) => {
    const [totp] = await tx.select().from(mfaTotp).where(eq(mfaTotp.userId, user.id)).for('update').limit(1);
    if (totp === undefined || totp.confirmedAt !== null) return 'nothing' as const;
    const step = await checkTotp(ctx.box.open(totp.secretEncrypted, user.id), code, { now });
    if (step === undefined) return 'wrong' as const;
    await tx.update(mfaTotp).set({ confirmedAt: now, lastTimeStep: step }).where(eq(mfaTotp.userId, user.id));
    await tx.update(users).set({ mfaEnabled: true, updatedAt: now }).where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await tx
      .insert(mfaRecoveryCodes)
      .values(recoveryCodes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })));
    await ctx.audit(
      {
        action: 'auth.mfa_enabled',
        actorId: user.id,
        subject: { type: 'user', id: user.id },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { method: 'totp' },
      },
      tx,
    );
    return 'ok' as const;
  });
  if (outcome === 'nothing')
    throw new DomainError('CONFLICT', 'There is no enrollment to confirm: enroll first');
  if (outcome === 'wrong') {
    const error = invalidCredentials();
    error.issues.push({ path: '/body/code', code: 'invalid', message: 'is not the current code' });
    throw error;
  }
  return { recoveryCodes };
}

/**
 * Turns MFA off, after the password and a current TOTP code or an unused recovery code.
 *
 * @throws {DomainError} CONFLICT (MFA is off), INVALID_CREDENTIALS
 */
export async function disableTotp(
  ctx: IdentityContext,
  user: UserRow,
  input: { password?: string | undefined; code?: string | undefined; recoveryCode?: string | undefined },
  meta: RequestMeta,
): Promise<void> {
  if (!user.mfaEnabled) throw new DomainError('CONFLICT', 'Two-factor authentication is off');
  await checkPassword(ctx, user, input.password);
  const now = ctx.now();
  const ok = await ctx.database.transaction(async (tx) => {
    let proven = false;
    if (input.code !== undefined) {
      const [totp] = await tx
        .select()
        .from(mfaTotp)
        .where(eq(mfaTotp.userId, user.id))
        .for('update')
        .limit(1);
      if (totp?.confirmedAt != null) {
        const step = await checkTotp(ctx.box.open(totp.secretEncrypted, user.id), input.code, {
          now,
          after: totp.lastTimeStep ?? undefined,
        });
        proven = step !== undefined;
      }
    } else if (input.recoveryCode !== undefined) {
      const [code] = await tx
        .select({ id: mfaRecoveryCodes.id })
        .from(mfaRecoveryCodes)
        .where(
          and(
            eq(mfaRecoveryCodes.userId, user.id),
            eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(input.recoveryCode)),
            isNull(mfaRecoveryCodes.usedAt),
          ),
        )
        .limit(1);
      proven = code !== undefined;
    }
    if (!proven) return false;
    await tx.delete(mfaTotp).where(eq(mfaTotp.userId, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await tx.update(users).set({ mfaEnabled: false, updatedAt: now }).where(eq(users.id, user.id));
    await ctx.audit(
      {
        action: 'auth.mfa_disabled',
        actorId: user.id,
        subject: { type: 'user', id: user.id },
        ip: meta.ip,
        requestId: meta.requestId,
      },
      tx,
    );
    return true;
  });
  if (!ok) {
    const error = invalidCredentials();
    error.issues.push({
      path: input.code === undefined ? '/body/recoveryCode' : '/body/code',
      code: 'invalid',
      message: 'is not a valid code',
    });
    throw error;
  }
}

import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { validationFailed } from '../errors/domain-error.js';
import type { IdentityContext, RequestMeta } from './identity-context.js';
import { invalidCredentials, tokenInvalid } from './identity-errors.js';
import { users } from './identity-tables.js';
import { consumeOneTimeToken, issueOneTimeToken, lastIssued } from './one-time-tokens.js';
import { passwordIssues } from './password-hasher.js';
import { revokeUserSessions, type SessionRow } from './session-store.js';
import { findUserByEmail, findUserById, normalizeEmail, type UserRow } from './user-store.js';

/** A second reset or verification mail within this time is not sent (an inbox is not a target). */
const resendAfterMs = 60_000;

function link(ctx: IdentityContext, path: string, token: string): string {
  // the token rides in the fragment: browsers never send it to a server, nor in Referer
  return `${ctx.settings.auth.publicUrl.replace(/\/$/, '')}${path}#token=${encodeURIComponent(token)}`;
}

/**
 * Whether one more mail of this kind may go to the address in this window (`auth.mailLimit`),
 * counted whether or not an account has the address: who asks cannot tell the two apart, and
 * nobody fills an inbox, however many client addresses they ask from. The key names the address
 * by its hash only, for a shared store.
 */
async function withinMailLimit(
  ctx: IdentityContext,
  kind: 'password_reset' | 'email_verify',
  address: string,
): Promise<boolean> {
  const key = `mail:${kind}:${createHash('sha256').update(address).digest('base64url')}`;
  const decision = await ctx.limits.hit(key, ctx.settings.auth.mailLimit, ctx.now().getTime());
  if (!decision.allowed) ctx.logger.warn({ kind }, 'mails to one address held back: auth.mailLimit');
  return decision.allowed;
}

function send(ctx: IdentityContext, to: string, subject: string, text: string): void {
  // not awaited: the answer must not take longer for an existing account than for none
  ctx.email.send({ to, subject, text }).catch((error: unknown) => {
    ctx.logger.error({ err: error, subject }, 'sending email failed');
  });
}

/**
 * Starts a password reset: mails a single-use link (valid `auth.tokens.resetTtl`) when the
 * account exists and is not disabled, at most once a minute and `auth.mailLimit` times a window
 * per address. Answers the same either way, so it reveals no accounts.
 */
export async function requestPasswordReset(
  ctx: IdentityContext,
  email: string,
  meta: RequestMeta,
): Promise<void> {
  const address = normalizeEmail(email);
  if (!(await withinMailLimit(ctx, 'password_reset', address))) return;
  const now = ctx.now();
  const issued = await ctx.database.transaction(async (tx) => {
    const user = await findUserByEmail(tx, address);
    if (user === undefined || user.status === 'disabled') return undefined;
    const last = await lastIssued(tx, user.id, 'password_reset');
    if (last !== undefined && now.getTime() - last.getTime() < resendAfterMs) return undefined;
    const token = await issueOneTimeToken(tx, {
      userId: user.id,
      purpose: 'password_reset',
      ttl: ctx.settings.auth.tokens.resetTtl,
      now,
      supersede: true,
      data: { ip: meta.ip },
    });
    return { user, token };
  });
  if (issued === undefined) return;
  const minutes = Math.round(ctx.settings.auth.tokens.resetTtl / 60);
  send(
    ctx,
    issued.user.email,
    'Reset your password',
    `Someone asked to reset the password of ${issued.user.email}.\n\nTo choose a new one, open this link within ${minutes} minutes:\n${link(ctx, '/auth/reset-password', issued.token)}\n\nIf it was not you, ignore this email: your password stays as it is.`,
  );
}

/**
 * Sets a new password with a reset token: the token is used up, every session of the user ends,
 * an invited user becomes active, and the email counts as verified (the link reached it).
 *
 * @throws {DomainError} VALIDATION_FAILED (password policy; the token stays usable), TOKEN_INVALID
 */
export async function resetPassword(
  ctx: IdentityContext,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const issues = passwordIssues(input.password, ctx.settings.auth.password, '/body/password');
  if (issues.length > 0) throw validationFailed(issues);
  const passwordHash = await ctx.hasher.hash(input.password);
  const now = ctx.now();
  const done = await ctx.database.transaction(async (tx) => {
    const token = await consumeOneTimeToken(tx, input.token, 'password_reset', now);
    if (token === undefined) return false;
    const user = await findUserById(tx, token.userId);
    if (user === undefined || user.status === 'disabled') return false;
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: now,
        status: 'active',
        emailVerifiedAt: user.emailVerifiedAt ?? now,
        updatedAt: now,
      })
      .where(eq(users.id, user.id));
    const ended = await revokeUserSessions(tx, user.id, 'password_reset', now);
    await ctx.audit(
      {
        action: 'auth.password_reset',
        actorId: user.id,
        subject: { type: 'user', id: user.id },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { sessionsEnded: ended },
      },
      tx,
    );
    return true;
  });
  if (!done) throw tokenInvalid();
}

/**
 * Changes the signed-in user's password after checking the current one; every other session of
 * the user ends.
 *
 * @throws {DomainError} INVALID_CREDENTIALS (current password wrong), VALIDATION_FAILED
 */
export async function changePassword(
  ctx: IdentityContext,
  user: UserRow,
  session: SessionRow,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  if (user.passwordHash === null || !(await ctx.hasher.verify(user.passwordHash, input.currentPassword))) {
    const error = invalidCredentials();
    error.issues.push({
      path: '/body/currentPassword',
      code: 'invalid',
      message: 'is not your current password',
    });
    throw error;
  }
  const issues = passwordIssues(
    input.newPassword,
    ctx.settings.auth.password,
    '/body/newPassword',
    user.email,
  );
  if (issues.length > 0) throw validationFailed(issues);
  const passwordHash = await ctx.hasher.hash(input.newPassword);
  const now = ctx.now();
  await ctx.database.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, user.id));
    const ended = await revokeUserSessions(tx, user.id, 'password_changed', now, session.id);
    await ctx.audit(
      {
        action: 'auth.password_changed',
        actorId: user.id,
        subject: { type: 'user', id: user.id },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { otherSessionsEnded: ended },
      },
      tx,
    );
  });
}

/**
 * Mails the signed-in user a verification link, unless the email is verified already; at most once
 * a minute and `auth.mailLimit` times a window per address.
 */
export async function requestEmailVerification(ctx: IdentityContext, user: UserRow): Promise<void> {
  if (user.emailVerifiedAt !== null) return;
  if (!(await withinMailLimit(ctx, 'email_verify', normalizeEmail(user.email)))) return;
  const now = ctx.now();
  const token = await ctx.database.transaction(async (tx) => {
    const last = await lastIssued(tx, user.id, 'email_verify');
    if (last !== undefined && now.getTime() - last.getTime() < resendAfterMs) return undefined;
    return issueOneTimeToken(tx, {
      userId: user.id,
      purpose: 'email_verify',
      ttl: ctx.settings.auth.tokens.verifyTtl,
      now,
      supersede: true,
      data: { email: normalizeEmail(user.email) },
    });
  });
  if (token === undefined) return;
  send(
    ctx,
    user.email,
    'Confirm your email address',
    `Open this link to confirm that ${user.email} is yours:\n${link(ctx, '/auth/verify-email', token)}`,
  );
}

/**
 * Marks the email verified with a verification token, if the account's email is still the one
 * the link was sent to.
 *
 * @throws {DomainError} TOKEN_INVALID
 */
export async function verifyEmail(ctx: IdentityContext, token: string, meta: RequestMeta): Promise<void> {
  const now = ctx.now();
  const done = await ctx.database.transaction(async (tx) => {
    const row = await consumeOneTimeToken(tx, token, 'email_verify', now);
    if (row === undefined) return false;
    const user = await findUserById(tx, row.userId);
    if (user === undefined || normalizeEmail(user.email) !== row.data.email) return false;
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    await ctx.audit(
      {
        action: 'auth.email_verified',
        actorId: user.id,
        subject: { type: 'user', id: user.id },
        ip: meta.ip,
        requestId: meta.requestId,
      },
      tx,
    );
    return true;
  });
  if (!done) throw tokenInvalid();
}

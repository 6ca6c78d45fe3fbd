import { eq } from 'drizzle-orm';
import { pgErrorOf } from '../data/pg-error.js';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import type { IdentityContext } from './identity-context.js';
import { type UserStatus, users } from './identity-tables.js';
import { passwordIssues } from './password-hasher.js';
import { revokeUserSessions } from './session-store.js';
import { findUserByEmail, normalizeEmail, type UserRow } from './user-store.js';

export interface CreateUserInput {
  email: string;
  name?: string;
  /** absent: the user sets one through a password reset link (an invitation) */
  password?: string;
  /** `active` with a password, `invited` without one, unless told */
  status?: UserStatus;
  emailVerified?: boolean;
}

/**
 * Creates a user (for tenancy's invitations, the admin console, seeds and tests); there is no
 * public sign-up route, deciding who may join is the product's business.
 *
 * @throws {DomainError} VALIDATION_FAILED (weak password), UNIQUE_VIOLATION (email taken)
 *
 * @example
 * const user = await createUser(identity, { email: 'ada@example.com', name: 'Ada', password: 'correct horse battery' });
 */
export async function createUser(ctx: IdentityContext, input: CreateUserInput): Promise<UserRow> {
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
    throw validationFailed([{ path: '/email', code: 'format', message: 'must be an email address' }]);
  }
  if (input.password !== undefined) {
    const issues = passwordIssues(input.password, ctx.settings.auth.password, '/password', email);
    if (issues.length > 0) throw validationFailed(issues);
  }
  const passwordHash = input.password === undefined ? null : await ctx.hasher.hash(input.password);
  const now = ctx.now();
  const taken = () =>
    new DomainError('UNIQUE_VIOLATION', 'A user with this email exists', {
      issues: [{ path: '/email', code: 'unique', message: 'is taken' }],
    });
  const created = ctx.database.transaction(async (tx) => {
    if ((await findUserByEmail(tx, email)) !== undefined) throw taken();
    const [row] = await tx
      .insert(users)
      .values({
        email,
        name: input.name ?? '',
        status: input.status ?? (passwordHash === null ? 'invited' : 'active'),
        passwordHash,
        passwordChangedAt: passwordHash === null ? null : now,
        emailVerifiedAt: input.emailVerified ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (row === undefined) throw new Error('user insert returned no row');
    return row;
  });
  // a concurrent create of the same address committed between the lookup and the insert
  return created.catch((error: unknown) => {
    const pg = pgErrorOf(error);
    throw pg?.code === '23505' && pg.constraint === 'users_email_key' ? taken() : error;
  });
}

/**
 * Activates, invites or disables a user; disabling ends every session at once (API keys and
 * tokens stop working too: each request checks the user's status).
 */
export async function setUserStatus(ctx: IdentityContext, userId: string, status: UserStatus): Promise<void> {
  const now = ctx.now();
  await ctx.database.transaction(async (tx) => {
    await tx.update(users).set({ status, updatedAt: now }).where(eq(users.id, userId));
    if (status === 'disabled') await revokeUserSessions(tx, userId, 'user_disabled', now);
  });
}

/** The user with this email, if any (tenancy's invitations look users up by email). */
export function userByEmail(ctx: IdentityContext, email: string): Promise<UserRow | undefined> {
  return ctx.database.transaction((tx) => findUserByEmail(tx, normalizeEmail(email)));
}

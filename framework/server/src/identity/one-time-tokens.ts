import { and, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { type OneTimePurpose, oneTimeTokens } from './identity-tables.js';
import { hashSecret, newSecret } from './secret-token.js';

export type OneTimeTokenRow = typeof oneTimeTokens.$inferSelect;

export interface IssueOneTimeToken {
  userId: string;
  purpose: OneTimePurpose;
  /** seconds */
  ttl: number;
  now: Date;
  data?: Record<string, unknown>;
  /** earlier unused tokens of the same purpose stop working (one reset link at a time) */
  supersede?: boolean;
}

/**
 * Issues a single-use token: the secret goes to the user (by mail, or in a response), its hash
 * into `prefiq.one_time_tokens`.
 *
 * @example
 * const token = await issueOneTimeToken(tx, { userId, purpose: 'password_reset', ttl: 3600, now, supersede: true });
 */
export async function issueOneTimeToken(
  tx: Db,
  { userId, purpose, ttl, now, data = {}, supersede = false }: IssueOneTimeToken,
): Promise<string> {
  if (supersede) {
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.userId, userId),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.usedAt),
        ),
      );
  }
  const token = newSecret();
  await tx.insert(oneTimeTokens).values({
    userId,
    purpose,
    tokenHash: hashSecret(token),
    data,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttl * 1000),
  });
  return token;
}

/** The live (unused, unexpired) token of a purpose, locked for the rest of the transaction. */
export async function findOneTimeToken(
  tx: Db,
  token: string,
  purpose: OneTimePurpose,
  now: Date,
): Promise<OneTimeTokenRow | undefined> {
  const [row] = await tx
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .for('update')
    .limit(1);
  return row;
}

/**
 * Uses a token up: returns its row once, `undefined` when it is unknown, used, expired or of
 * another purpose (the caller cannot tell which, and neither can an attacker).
 */
export async function consumeOneTimeToken(
  tx: Db,
  token: string,
  purpose: OneTimePurpose,
  now: Date,
): Promise<OneTimeTokenRow | undefined> {
  const row = await findOneTimeToken(tx, token, purpose, now);
  if (row === undefined) return undefined;
  await tx.update(oneTimeTokens).set({ usedAt: now }).where(eq(oneTimeTokens.id, row.id));
  return row;
}

export async function updateOneTimeTokenData(
  tx: Db,
  id: string,
  data: Record<string, unknown>,
): Promise<void> {
  await tx.update(oneTimeTokens).set({ data }).where(eq(oneTimeTokens.id, id));
}

/** When the user was last sent a token of this purpose, to space out emails. */
export async function lastIssued(tx: Db, userId: string, purpose: OneTimePurpose): Promise<Date | undefined> {
  const [row] = await tx
    .select({ createdAt: oneTimeTokens.createdAt })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose)))
    .orderBy(desc(oneTimeTokens.createdAt))
    .limit(1);
  return row?.createdAt;
}

/** Tokens that expired before `before` (used or not) can never be consumed again: removed. */
export async function pruneOneTimeTokens(tx: Db, before: Date): Promise<void> {
  await tx.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAt, before));
}

import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { loginAttempts, loginLockouts } from './identity-tables.js';

export interface LockoutRules {
  maxAttempts: number;
  ipMaxAttempts: number;
  windowMs: number;
  lockMs: number;
}

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Seconds until the account or the address may try again, or `undefined` when neither is locked.
 * Unknown emails lock like known ones, so the lockout tells nothing about which accounts exist.
 */
export async function lockedFor(tx: Db, email: string, ip: string, now: Date): Promise<number | undefined> {
  const [row] = await tx
    .select({ until: sql<Date>`max(${loginLockouts.lockedUntil})`.mapWith(loginLockouts.lockedUntil) })
    .from(loginLockouts)
    .where(
      and(inArray(loginLockouts.key, [accountKey(email), ipKey(ip)]), gt(loginLockouts.lockedUntil, now)),
    );
  const until = row?.until;
  if (until === null || until === undefined) return undefined;
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** What a failed attempt led to: the lock it started, if any (seconds). */
export interface FailureOutcome {
  lockedFor?: number;
  scope?: 'account' | 'ip';
}

/**
 * Records a failed sign-in (a wrong password or MFA code) and locks the account after
 * `maxAttempts` failures since its last success within the window, the address after
 * `ipMaxAttempts`.
 */
export async function recordFailure(
  tx: Db,
  email: string,
  ip: string,
  now: Date,
  rules: LockoutRules,
): Promise<FailureOutcome> {
  await tx.insert(loginAttempts).values({ email, ip, succeeded: false, at: now });
  const since = new Date(now.getTime() - rules.windowMs);
  const [counts] = await executeRows<{ account: number; ip: number }>(
    tx,
    sql`select
      (select count(*)::int from prefiq.login_attempts a
        where a.email = ${email} and not a.succeeded and a.at > greatest(${since.toISOString()}::timestamptz,
          coalesce((select max(s.at) from prefiq.login_attempts s where s.email = ${email} and s.succeeded), '-infinity'))) as account,
      (select count(*)::int from prefiq.login_attempts a
        where a.ip = ${ip} and not a.succeeded and a.at > ${since.toISOString()}::timestamptz) as ip`,
  );
  const until = new Date(now.getTime() + rules.lockMs);
  const lock = async (key: string) => {
    await tx
      .insert(loginLockouts)
      .values({ key, lockedUntil: until, createdAt: now })
      .onConflictDoUpdate({ target: loginLockouts.key, set: { lockedUntil: until, createdAt: now } });
  };
  const seconds = Math.ceil(rules.lockMs / 1000);
  if ((counts?.account ?? 0) >= rules.maxAttempts) {
    await lock(accountKey(email));
    return { lockedFor: seconds, scope: 'account' };
  }
  if (ip !== 'unknown' && (counts?.ip ?? 0) >= rules.ipMaxAttempts) {
    await lock(ipKey(ip));
    return { lockedFor: seconds, scope: 'ip' };
  }
  return {};
}

/** Records a successful sign-in: the account's failure count starts over. */
export async function recordSuccess(tx: Db, email: string, ip: string, now: Date): Promise<void> {
  await tx.insert(loginAttempts).values({ email, ip, succeeded: true, at: now });
  await tx.delete(loginLockouts).where(eq(loginLockouts.key, accountKey(email)));
}

/** Drops attempts and lockouts older than any window could look at. */
export async function pruneAttempts(tx: Db, before: Date): Promise<void> {
  await tx.execute(sql`delete from prefiq.login_attempts where at < ${before.toISOString()}::timestamptz`);
  await tx.execute(
    sql`delete from prefiq.login_lockouts where locked_until < ${before.toISOString()}::timestamptz`,
  );
}

import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { apiKeys, users } from './identity-tables.js';
import { hashSecret, newSecret, safeEqual } from './secret-token.js';
import type { UserRow } from './user-store.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** `cdx_<12 hex: public id>_<43 base64url: 256-bit secret>` */
const keyPattern = /^(cdx_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A new key: the whole string is shown once; `prefix` names it in lists and logs. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = `cdx_${randomBytes(6).toString('hex')}`;
  return { key: `${prefix}_${newSecret()}`, prefix };
}

export interface InsertApiKey {
  name: string;
  userId: string;
  tenantId: string;
  scopes: readonly string[];
  expiresAt?: Date | undefined;
  now: Date;
}

/**
 * Stores a new key (its SHA-256 only) and returns the plaintext once with the row.
 *
 * @example
 * const { key, row } = await insertApiKey(tx, { name: 'CI', userId, tenantId, scopes: ['crm:deal:read'], now });
 */
export async function insertApiKey(tx: Db, input: InsertApiKey): Promise<{ key: string; row: ApiKeyRow }> {
  const { key, prefix } = newApiKey();
  const [row] = await tx
    .insert(apiKeys)
    .values({
      prefix,
      secretHash: hashSecret(key),
      name: input.name,
      userId: input.userId,
      tenantId: input.tenantId,
      scopes: [...input.scopes],
      createdAt: input.now,
      expiresAt: input.expiresAt ?? null,
    })
    .returning();
  if (row === undefined) throw new Error('api key insert returned no row');
  return { key, row };
}

/**
 * The live key a presented string is, with its creator: looked up by its public prefix, then
 * compared by hash in constant time. `undefined` for anything else (malformed, unknown, revoked,
 * expired).
 */
export async function findLiveApiKey(
  tx: Db,
  presented: string,
  now: Date,
): Promise<{ key: ApiKeyRow; user: UserRow } | undefined> {
  const match = keyPattern.exec(presented);
  if (match?.[1] === undefined) return undefined;
  const [row] = await tx
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.prefix, match[1]))
    .limit(1);
  if (row === undefined || !safeEqual(row.key.secretHash, hashSecret(presented))) return undefined;
  if (row.key.revokedAt !== null || (row.key.expiresAt !== null && row.key.expiresAt <= now))
    return undefined;
  return row;
}

/** Marks a key used, at most once a minute. */
export async function touchApiKey(tx: Db, id: string, now: Date): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}

/** Where a page of keys ends: its last key's creation time and id (the order, newest first). */
export interface ApiKeyPosition {
  createdAt: Date;
  id: string;
}

/**
 * A page of the user's keys in a tenant, newest first (ties by id): at most `limit`, after
 * `after` when given.
 *
 * @example
 * const rows = await apiKeysOf(tx, userId, tenantId, { limit: 26 });
 */
export async function apiKeysOf(
  tx: Db,
  userId: string,
  tenantId: string,
  { limit, after }: { limit: number; after?: ApiKeyPosition | undefined },
): Promise<ApiKeyRow[]> {
  const mine = and(eq(apiKeys.userId, userId), eq(apiKeys.tenantId, tenantId));
  return tx
    .select()
    .from(apiKeys)
    .where(
      after === undefined
        ? mine
        : and(
            mine,
            sql`(${apiKeys.createdAt}, ${apiKeys.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
          ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(limit);
}

/** The user's live keys in a tenant (neither revoked nor expired at `now`). */
export async function countLiveApiKeys(tx: Db, userId: string, tenantId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ live: count() })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.userId, userId),
        eq(apiKeys.tenantId, tenantId),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
      ),
    );
  return row?.live ?? 0;
}

/**
 * Locks the user's row for the rest of the transaction: key creations of one user run one after
 * the other, so two cannot both count the same keys and pass the cap together.
 */
export async function lockKeyOwner(tx: Db, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

/** Revokes a key of this user; `false` when there is no such live key. */
export async function revokeApiKey(
  tx: Db,
  id: string,
  userId: string,
  now: Date,
): Promise<ApiKeyRow | undefined> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning();
  return row;
}

/** An API key as the API shows it: never the secret or its hash. */
export interface PublicApiKey {
  id: string;
  name: string;
  prefix: string;
  tenantId: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function publicApiKey(row: ApiKeyRow): PublicApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    tenantId: row.tenantId,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

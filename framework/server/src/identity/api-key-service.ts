import type { ValidationIssue } from '@codexion/schema';
import { DomainError } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import {
  type ApiKeyPosition,
  apiKeysOf,
  countLiveApiKeys,
  insertApiKey,
  lockKeyOwner,
  type PublicApiKey,
  publicApiKey,
  revokeApiKey,
} from './api-key-store.js';
import type { IdentityContext, RequestMeta } from './identity-context.js';
import { requireAccess } from './identity-ports.js';
import type { UserRow } from './user-store.js';

/**
 * Creates an API key for the user in a tenant, scoped to permissions the user holds there (a key
 * never grants more than its creator has; at use, scopes the creator has lost since are dropped).
 * The key is in the answer once, and nowhere after.
 *
 * @throws {DomainError} FORBIDDEN naming each scope beyond the creator's permissions; API_KEY_LIMIT
 *   when the user holds `auth.apiKeys.maxPerUser` live keys in the tenant already
 */
export async function createApiKey(
  ctx: IdentityContext,
  user: UserRow,
  tenantId: string,
  input: { name: string; scopes: readonly string[]; expiresAt?: string | undefined },
  meta: RequestMeta,
): Promise<PublicApiKey & { key: string }> {
  const access = await requireAccess(ctx.tenancy, user.id, tenantId);
  const granted = new Set(access.permissions);
  const issues: ValidationIssue[] = [];
  input.scopes.forEach((scope, index) => {
    if (!hasPermission(granted, scope)) {
      issues.push({
        path: `/body/scopes/${index}`,
        code: 'exceeds_grant',
        message: `you do not hold ${scope}`,
      });
    }
  });
  if (issues.length > 0) {
    throw new DomainError('FORBIDDEN', 'An API key cannot hold permissions its creator does not have', {
      issues,
    });
  }
  const now = ctx.now();
  const expiresAt = input.expiresAt === undefined ? undefined : new Date(input.expiresAt);
  if (expiresAt !== undefined && expiresAt <= now) {
    throw new DomainError('VALIDATION_FAILED', 'The key would be expired already', {
      issues: [{ path: '/body/expiresAt', code: 'future', message: 'must be in the future' }],
    });
  }
  const { maxPerUser } = ctx.settings.auth.apiKeys;
  return ctx.database.transaction(async (tx) => {
    await lockKeyOwner(tx, user.id);
    const live = await countLiveApiKeys(tx, user.id, tenantId, now);
    if (live >= maxPerUser) {
      throw new DomainError(
        'API_KEY_LIMIT',
        `You hold ${live} live API keys in this tenant, the most allowed: revoke one you no longer use first`,
        { extensions: { limit: maxPerUser } },
      );
    }
    const { key, row } = await insertApiKey(tx, {
      name: input.name,
      userId: user.id,
      tenantId,
      scopes: [...new Set(input.scopes)],
      expiresAt,
      now,
    });
    await ctx.audit(
      {
        action: 'auth.api_key_created',
        actorId: user.id,
        tenantId,
        subject: { type: 'api_key', id: row.id },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { prefix: row.prefix, scopes: row.scopes },
      },
      tx,
    );
    return { ...publicApiKey(row), key };
  });
}

/** Keys per page unless the request says. */
export const defaultApiKeyPageSize = 25;

const cursorPattern =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The opaque cursor after a key. Unsigned, unlike the resource engine's: it only says where in the
 * user's own keys to go on, and the query is the user's keys whatever it says.
 */
function encodeCursor({ createdAt, id }: ApiKeyPosition): string {
  return Buffer.from(`${createdAt.toISOString()}_${id}`).toString('base64url');
}

/** @throws {DomainError} INVALID_CURSOR on `/query/cursor` for anything {@link encodeCursor} did not make */
function decodeCursor(cursor: string): ApiKeyPosition {
  const match = cursorPattern.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const createdAt = match?.[1] === undefined ? undefined : new Date(match[1]);
  if (match?.[2] === undefined || createdAt === undefined || Number.isNaN(createdAt.getTime())) {
    throw new DomainError('INVALID_CURSOR', 'The cursor is not one this list gave out', {
      issues: [{ path: '/query/cursor', code: 'invalid', message: 'is not a cursor of this list' }],
    });
  }
  return { createdAt, id: match[2] };
}

/**
 * A page of the user's keys in a tenant (revoked and expired ones too), newest first, and the
 * cursor of the next page (`null` on the last).
 *
 * @throws {DomainError} INVALID_CURSOR
 * @example
 * const { items, nextCursor } = await listApiKeys(ctx, userId, tenantId, { limit: 25 });
 */
export async function listApiKeys(
  ctx: IdentityContext,
  userId: string,
  tenantId: string,
  { limit = defaultApiKeyPageSize, cursor }: { limit?: number; cursor?: string | undefined } = {},
): Promise<{ items: PublicApiKey[]; nextCursor: string | null }> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  // one more than asked for says whether there is a next page
  const rows = await ctx.database.transaction((tx) =>
    apiKeysOf(tx, userId, tenantId, { limit: limit + 1, after }),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(publicApiKey),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null,
  };
}

/**
 * Revokes one of the user's keys; it stops working on the next request.
 *
 * @throws {DomainError} NOT_FOUND when the user has no such live key
 */
export async function revokeOwnApiKey(
  ctx: IdentityContext,
  userId: string,
  keyId: string,
  meta: RequestMeta,
): Promise<void> {
  const now = ctx.now();
  const revoked = await ctx.database.transaction(async (tx) => {
    const row = await revokeApiKey(tx, keyId, userId, now);
    if (row !== undefined) {
      await ctx.audit(
        {
          action: 'auth.api_key_revoked',
          actorId: userId,
          tenantId: row.tenantId,
          subject: { type: 'api_key', id: row.id },
          ip: meta.ip,
          requestId: meta.requestId,
          details: { prefix: row.prefix },
        },
        tx,
      );
    }
    return row !== undefined;
  });
  if (!revoked) throw new DomainError('NOT_FOUND', `You have no live API key ${keyId}`);
}

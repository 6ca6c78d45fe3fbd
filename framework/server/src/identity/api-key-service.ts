import type { ValidationIssue } from '@codexion/schema';
import { DomainError } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import { apiKeysOf, insertApiKey, type PublicApiKey, publicApiKey, revokeApiKey } from './api-key-store.js';
import type { IdentityContext, RequestMeta } from './identity-context.js';
import { requireAccess } from './identity-ports.js';
import type { UserRow } from './user-store.js';

/**
 * Creates an API key for the user in a tenant, scoped to permissions the user holds there (a key
 * never grants more than its creator has; at use, scopes the creator has lost since are dropped).
 * The key is in the answer once, and nowhere after.
 *
 * @throws {DomainError} FORBIDDEN naming each scope beyond the creator's permissions
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
  return ctx.database.transaction(async (tx) => {
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

export async function listApiKeys(
  ctx: IdentityContext,
  userId: string,
  tenantId: string,
): Promise<PublicApiKey[]> {
  const rows = await ctx.database.transaction((tx) => apiKeysOf(tx, userId, tenantId));
  return rows.map(publicApiKey);
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

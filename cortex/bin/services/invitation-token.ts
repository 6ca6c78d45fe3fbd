import { createHash, randomBytes } from 'node:crypto';

/** An invitation's token, and what is stored of it. */
export interface InvitationToken {
  /** `<tenant id>.<secret>`: the tenant part lets a public request find the tenant's rows */
  token: string;
  /** hex SHA-256 of the secret: the only part kept */
  hash: string;
}

const tokenPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/i;

function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * A new token for an invitation into `tenantId`: 32 random bytes (base64url) after the tenant id.
 *
 * @example
 * const { token, hash } = newInvitationToken(tenantId); // store `hash`, mail `token`
 */
export function newInvitationToken(tenantId: string): InvitationToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId.toLowerCase()}.${secret}`, hash: sha256(secret) };
}

/**
 * The tenant and the secret's hash a token names, or `undefined` for anything that is not a token.
 *
 * @example
 * parseInvitationToken(token) // { tenantId: '0a0a…', hash: '5e88…' }
 */
export function parseInvitationToken(token: string): { tenantId: string; hash: string } | undefined {
  const match = tokenPattern.exec(token.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { tenantId: match[1].toLowerCase(), hash: sha256(match[2]) };
}

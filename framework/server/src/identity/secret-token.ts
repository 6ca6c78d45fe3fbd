import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random secret, base64url: 32 bytes (256 bits) unless told. Session, refresh, reset and
 * verification tokens are all such secrets; only their hash is stored.
 *
 * @example
 * const token = newSecret(); // 'q3Xb…' (43 characters)
 */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 of a secret, hex. Enough for high-entropy secrets (no password ever goes here):
 * guessing the secret from its hash is as hard as guessing the secret.
 *
 * @example
 * await db.insert(sessions).values({ accessHash: hashSecret(token), … });
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Compares two strings in time that does not depend on where they differ.
 *
 * @example
 * safeEqual(request.header('x-csrf-token') ?? '', cookieValue);
 */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  // hashing first makes lengths equal, so timingSafeEqual cannot throw or leak the length
  return timingSafeEqual(left, right) && a.length === b.length;
}

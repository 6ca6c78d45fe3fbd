import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const version = 'v1';

/** Encrypts small secrets (TOTP seeds) at rest, each bound to its owner (AES-256-GCM with AAD). */
export interface SecretBox {
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts */
  seal(plaintext: string, owner: string): string;
  /** @throws {Error} when the text was altered, sealed for another owner or with another key */
  open(sealed: string, owner: string): string;
}

/**
 * A {@link SecretBox} keyed by HKDF-SHA256 of the configured key (`auth.mfa.encryptionKey`), so
 * any long random string works as the key.
 *
 * @example
 * const box = createSecretBox(settings.mfaKey);
 * const sealed = box.seal(totpSecret, userId);
 * box.open(sealed, userId) === totpSecret; // true
 */
export function createSecretBox(key: string): SecretBox {
  const aesKey = Buffer.from(hkdfSync('sha256', key, 'prefiq-secret-box', 'totp secrets', 32));
  return {
    seal(plaintext, owner) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
      cipher.setAAD(Buffer.from(owner, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [version, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, owner) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== version || iv === undefined || tag === undefined || body === undefined)
        throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(owner, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

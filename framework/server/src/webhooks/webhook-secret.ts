import { randomBytes } from 'node:crypto';
import { createSecretBox, type SecretBox } from '../identity/secret-box.js';

/** The key development and test seal secrets with when no key is configured. */
const developmentKey = 'prefiq-development-webhook-secrets';

/**
 * A new signing secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64
 * (what `new Webhook(secret)` of `standardwebhooks` takes).
 *
 * @example
 * newWebhookSecret(); // 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * Seals endpoints' secrets at rest, each bound to its endpoint id (AES-256-GCM, see
 * {@link createSecretBox}), under `webhooks.encryptionKey`, else `secrets.cursor` (required
 * outside development and test), else a development key.
 *
 * @example
 * const box = webhookSecretBox(config.webhooks.encryptionKey ?? config.secrets.cursor);
 * box.open(box.seal(secret, endpointId), endpointId) === secret; // true
 */
export function webhookSecretBox(key: string | undefined): SecretBox {
  // a key of its own even when it is the cursor secret: sealing never shares a key with signing
  return createSecretBox(`prefiq-webhooks:${key ?? developmentKey}`);
}

import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import type { RateLimitStore } from '../http/rate-limit-store.js';
import type { AccessTokens } from './access-tokens.js';
import type { EmailTransport } from './email-transport.js';
import type { AuthEventRecorder, TenancyPort } from './identity-ports.js';
import type { IdentitySettings } from './identity-settings.js';
import type { PasswordHasher } from './password-hasher.js';
import type { SecretBox } from './secret-box.js';
import type { SigningKeys } from './signing-keys.js';

/**
 * Everything the identity services share, made once at boot. Every database access goes through
 * `database.transaction` (PGlite has one connection: a statement on `database.db` during a
 * transaction would join it), and no password is hashed inside a transaction.
 */
export interface IdentityContext {
  database: Database;
  settings: IdentitySettings;
  logger: Logger;
  hasher: PasswordHasher;
  keys: SigningKeys;
  tokens: AccessTokens;
  box: SecretBox;
  email: EmailTransport;
  tenancy: TenancyPort;
  audit: AuthEventRecorder;
  /** counts per client address (`/api/auth/*`) and per mailed address (reset, verification) */
  limits: RateLimitStore;
  /** the clock; tests move it to expire tokens */
  now: () => Date;
}

/** Who is asking, for audit and for the session's record. */
export interface RequestMeta {
  ip: string;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}

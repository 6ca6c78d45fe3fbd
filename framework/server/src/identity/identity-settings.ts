import type { AuthConfig, EmailConfig } from '../foundation/auth-config.js';
import { ConfigError, type ConfigIssue } from '../foundation/config-error.js';
import type { KernelConfig } from '../foundation/kernel-config.js';

export type IdentityEnvironment = 'development' | 'test' | 'production';

/** Argon2id parameters, filled in. */
export interface Argon2Params {
  /** KiB */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** The `auth` and `email` config with the defaults that depend on the environment filled in. */
export interface IdentitySettings {
  environment: IdentityEnvironment;
  /**
   * requests without credentials get the trusted tenant and every permission: the test
   * environment's default, in development only when asked for (`auth.trustedContext: true`,
   * `prefiq serve --anonymous`), refused elsewhere
   */
  trustedContext: boolean;
  auth: AuthConfig;
  argon2: Argon2Params;
  /** encrypts TOTP secrets; a fixed key in development and test */
  mfaKey: string;
  email: EmailConfig;
  /** browser origins allowed besides the request's own (CSRF origin check) */
  trustedOrigins: readonly string[];
  tenancy: { defaultTenant?: string; trustHeader: boolean };
}

/** OWASP's first choice for Argon2id; tests use a cheap setting so suites stay fast. */
const productionArgon2 = { memoryCost: 19456, timeCost: 2 };
const testArgon2 = { memoryCost: 512, timeCost: 1 };
/** OWASP's weakest recommended pairs lie on memory × passes ≈ 36 MiB; below that is refused outside tests. */
const minimumArgon2Work = 7168 * 5;

const developmentMfaKey = 'development-only-mfa-encryption-key-not-secret';

function environmentOf(env: string): IdentityEnvironment {
  return env === 'development' || env === 'test' ? env : 'production';
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Reads the identity settings from the kernel config and refuses unsafe combinations: the trusted
 * context or non-Secure cookies outside development, and (outside development and test) missing
 * JWT signing keys, a missing MFA encryption key or a too cheap password hash.
 *
 * @throws {ConfigError} naming each key and the reason
 *
 * @example
 * const settings = identitySettings(kernel.config);
 * settings.trustedContext; // true in test unless auth.trustedContext: false; in development only when set
 */
export function identitySettings(config: KernelConfig): IdentitySettings {
  const environment = environmentOf(config.env);
  const local = environment !== 'production';
  const { auth, email } = config;
  const issues: ConfigIssue[] = [];
  const issue = (key: string, value: unknown, reason: string) =>
    issues.push({ key, value, reason, source: undefined });

  // the suites call apps without signing in; a person running the app in development signs in
  // like everywhere else, unless they ask for anonymous access (loopback only, see the kernel's listen)
  const trustedContext = auth.trustedContext ?? environment === 'test';
  if (trustedContext && !local) {
    issue(
      'auth.trustedContext',
      true,
      'grants every permission without credentials: development and test only',
    );
  }
  if (!auth.cookie.secure && environment !== 'development') {
    issue('auth.cookie.secure', false, 'may be off only in development (http:// hosts)');
  }
  const { activeKid, keys } = auth.jwt;
  if (activeKid !== undefined && keys[activeKid]?.privateKey === undefined) {
    issue('auth.jwt.activeKid', activeKid, 'must name a key of auth.jwt.keys that has a privateKey');
  }
  for (const [kid, key] of Object.entries(keys)) {
    if (key.privateKey === undefined && key.publicKey === undefined)
      issue(`auth.jwt.keys.${kid}`, '[key]', 'needs a privateKey or a publicKey');
  }
  if (!local && activeKid === undefined) {
    issue(
      'auth.jwt.activeKid',
      undefined,
      'is required: set auth.jwt.keys.<kid> (privateKey via CODEXION_AUTH__JWT__KEYS__<KID>__PRIVATE_KEY__FILE) and auth.jwt.activeKid',
    );
  }
  if (!local && auth.mfa.encryptionKey === undefined) {
    issue(
      'auth.mfa.encryptionKey',
      undefined,
      'is required: set CODEXION_AUTH__MFA__ENCRYPTION_KEY or CODEXION_AUTH__MFA__ENCRYPTION_KEY__FILE',
    );
  }
  const cheap = environment === 'test' ? testArgon2 : productionArgon2;
  const argon2: Argon2Params = {
    memoryCost: auth.password.argon2.memoryCost ?? cheap.memoryCost,
    timeCost: auth.password.argon2.timeCost ?? cheap.timeCost,
    parallelism: auth.password.argon2.parallelism,
  };
  if (!local && (argon2.memoryCost < 7168 || argon2.memoryCost * argon2.timeCost < minimumArgon2Work)) {
    issue(
      'auth.password.argon2',
      argon2,
      'is weaker than OWASP recommends (memoryCost ≥ 7168 KiB and memoryCost × timeCost ≥ 35840)',
    );
  }
  if (!local && !auth.publicUrl.startsWith('https://')) {
    issue(
      'auth.publicUrl',
      auth.publicUrl,
      'must be the https:// address users open outside development and test',
    );
  }
  if (auth.password.minLength > auth.password.maxLength) {
    issue('auth.password.minLength', auth.password.minLength, 'is above auth.password.maxLength');
  }
  for (const [name, provider] of Object.entries(auth.oidc.providers)) {
    if (!local && (provider.issuer.startsWith('http://') || provider.redirectUri.startsWith('http://'))) {
      issue(
        `auth.oidc.providers.${name}`,
        provider.issuer,
        'needs https:// issuer and redirectUri outside development and test',
      );
    }
  }
  if (email.transport === 'smtp' && email.smtpUrl === undefined) {
    issue('email.smtpUrl', undefined, 'is required with email.transport smtp');
  }
  if (issues.length > 0) throw new ConfigError(issues);

  const publicOrigin = originOf(auth.publicUrl);
  return {
    environment,
    trustedContext,
    auth,
    argon2,
    mfaKey: auth.mfa.encryptionKey ?? developmentMfaKey,
    email,
    trustedOrigins: [
      ...new Set([
        ...config.http.cors.origins.filter((o) => o !== '*'),
        ...(publicOrigin ? [publicOrigin] : []),
      ]),
    ],
    tenancy: config.tenancy,
  };
}

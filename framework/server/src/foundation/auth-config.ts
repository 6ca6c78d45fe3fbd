/** `auth.jwt.keys.<kid>`: a signing key (with `privateKey`) or a retired one kept to verify. */
export interface JwtKeyConfig {
  alg: 'EdDSA' | 'ES256';
  /** PKCS#8 PEM or private JWK (JSON); secret */
  privateKey?: string;
  /** SPKI PEM or public JWK (JSON); derived from `privateKey` when absent */
  publicKey?: string;
}

/** `auth.oidc.providers.<name>` */
export interface OidcProviderConfig {
  /** what the sign-in button says; the provider's key unless given */
  name?: string;
  issuer: string;
  clientId: string;
  /** secret; absent for a public client (PKCE only) */
  clientSecret?: string;
  redirectUri: string;
  scopes: string[];
  createUsers: boolean;
}

/** `auth.*` of the kernel config, as the config schema validated it (see `config-schema.json`). */
export interface AuthConfig {
  /** unset: on in test, off elsewhere; may be on in development and test only */
  trustedContext?: boolean;
  publicUrl: string;
  trustProxyHops: number;
  cookie: { name: string; secure: boolean; domain?: string };
  /** seconds */
  session: { ttl: number; refreshTtl: number };
  jwt: {
    issuer: string;
    audience: string;
    /** seconds */
    ttl: number;
    activeKid?: string;
    keys: Record<string, JwtKeyConfig>;
  };
  password: {
    minLength: number;
    maxLength: number;
    argon2: { memoryCost?: number; timeCost?: number; parallelism: number };
  };
  lockout: { maxAttempts: number; ipMaxAttempts: number; windowMs: number; lockMs: number };
  rateLimit: { enabled: boolean; limit: number; windowMs: number };
  /** reset and verification mails per target address and kind per window */
  mailLimit: { limit: number; windowMs: number };
  /** live keys per user per tenant */
  apiKeys: { maxPerUser: number };
  /** seconds */
  tokens: { resetTtl: number; verifyTtl: number };
  mfa: { issuer: string; challengeTtl: number; encryptionKey?: string };
  oidc: { providers: Record<string, OidcProviderConfig> };
}

/** `email.*` of the kernel config. */
export interface EmailConfig {
  transport: 'dev' | 'smtp';
  /** secret password inside */
  smtpUrl?: string;
  from: string;
}

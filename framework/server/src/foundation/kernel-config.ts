import type { LevelWithSilent } from 'pino';
import type { AuthConfig, EmailConfig } from './auth-config.js';

/**
 * The kernel's configuration after merging and validation against `config-schema.json` (which
 * holds the defaults and the reasons). Every value here has been checked; optional ones are the
 * ones with no default.
 */
export interface KernelConfig {
  env: string;
  http: {
    host: string;
    port: number;
    cors: { origins: string[] };
    /** bytes */
    bodyLimit: number;
    requestTimeoutMs: number;
    /** an unexpected error's message and stack in its problem+json; development and test only */
    exposeErrors: boolean;
    drainMs: number;
    /** public operations, per client address and operation */
    publicRateLimit: { enabled: boolean; limit: number; windowMs: number };
    /** every other operation, per credential and tenant */
    rateLimit: { enabled: boolean; limit: number; windowMs: number };
  };
  /**
   * `GET /metrics`: on a listener of its own (`port`), behind a bearer token (`token`, secret), or
   * without either on the app port to anyone in development and test and nowhere elsewhere
   */
  metrics: { port?: number; host?: string; token?: string };
  database: {
    /** PostgreSQL; absent means PGlite in `dataDir` */
    url?: string;
    pool: { max: number };
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    /** absolute after loading (resolved against the root), or `memory://` */
    dataDir: string;
  };
  migrations: { runOnBoot: boolean };
  /** durable jobs and schedules; `enabled` absent: on unless `env` is test */
  jobs: {
    enabled?: boolean;
    pollingIntervalSeconds: number;
    schedules: {
      pruneIdentity: string;
      sealAudit: string;
      purgeIdempotency: string;
      purgeEvents: string;
      sweepWebhooks: string;
    };
  };
  /** `Idempotency-Key` replays, per tenant and credential, for `ttlHours` */
  idempotency: { enabled: boolean; ttlHours: number };
  /** shared rate-limit counts across nodes; in each node's memory without `url` (secret: may hold a password) */
  redis: { url?: string; keyPrefix: string };
  logging: { level: LevelWithSilent; pretty: boolean };
  tenancy: { defaultTenant?: string; trustHeader: boolean };
  docs: { enabled: boolean };
  /** limits of the resource engine's lists and bulk writes */
  api: { defaultPageSize: number; maxPageSize: number; maxBulk: number };
  /** secret keys; from the environment or files only */
  secrets: { cursor?: string };
  /** authentication: sessions, tokens, passwords, lockout, MFA, single sign-on */
  auth: AuthConfig;
  /** outgoing mail (password reset, email verification) */
  email: EmailConfig;
  seed: { enabled: boolean };
  /** delivery of the transactional outbox's events (ADR 0018) */
  events: {
    amqpUrl?: string;
    /** the RabbitMQ names' prefix: `<prefix>.events`, `<prefix>.events.<consumer>` */
    amqpPrefix: string;
    pollIntervalMs: number;
    leaseMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    /** days delivered events and inbox records are kept before `prefiq.purge-events` removes them */
    retentionDays: number;
  };
  /** outbound webhooks (ADR 0026) */
  webhooks: {
    maxAttempts: number;
    retryDelaySeconds: number;
    timeoutMs: number;
    /** days delivered and failed deliveries are kept before `prefiq.sweep-webhooks` deletes them */
    retentionDays: number;
    encryptionKey?: string;
  };
  locale: string;
  timezone: string;
  features: Record<string, boolean>;
  /** overrides by tenant id, already checked against the overridable keys */
  tenants: Record<string, Record<string, unknown>>;
}

/** A partial config, as a layer gives it (overrides in code, a tenant's overrides). */
export type ConfigInput = DeepPartial<KernelConfig>;

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

import { sql } from 'drizzle-orm';
import { bigint, boolean, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The identity tables in schema `prefiq`, as `migrations/identity/0000_identity.sql` creates them
 * (the SQL is the source of truth; these definitions type the queries).
 */
export const prefiq = pgSchema('prefiq');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type UserStatus = 'active' | 'invited' | 'disabled';

export const users = prefiq.table('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull(),
  name: text('name').notNull().default(''),
  status: text('status').$type<UserStatus>().notNull().default('active'),
  passwordHash: text('password_hash'),
  passwordChangedAt: at('password_changed_at'),
  emailVerifiedAt: at('email_verified_at'),
  mfaEnabled: boolean('mfa_enabled').notNull().default(false),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const sessions = prefiq.table('sessions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull(),
  tenantId: uuid('tenant_id'),
  accessHash: text('access_hash').notNull(),
  accessExpiresAt: at('access_expires_at').notNull(),
  csrfHash: text('csrf_hash').notNull(),
  amr: text('amr').array().notNull().default(sql`'{}'`),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: at('created_at').notNull().defaultNow(),
  lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  revokedAt: at('revoked_at'),
  revokedReason: text('revoked_reason'),
});

export const refreshTokens = prefiq.table('refresh_tokens', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  sessionId: uuid('session_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  replacedBy: uuid('replaced_by'),
});

export const apiKeys = prefiq.table('api_keys', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull(),
  name: text('name').notNull(),
  userId: uuid('user_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  scopes: text('scopes').array().notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at'),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

export type OneTimePurpose = 'password_reset' | 'email_verify' | 'mfa_challenge';

export const oneTimeTokens = prefiq.table('one_time_tokens', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull(),
  purpose: text('purpose').$type<OneTimePurpose>().notNull(),
  tokenHash: text('token_hash').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

export const loginAttempts = prefiq.table('login_attempts', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  email: text('email').notNull(),
  ip: text('ip').notNull(),
  succeeded: boolean('succeeded').notNull(),
  at: at('at').notNull().defaultNow(),
});

export const loginLockouts = prefiq.table('login_lockouts', {
  key: text('key').primaryKey(),
  lockedUntil: at('locked_until').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const mfaTotp = prefiq.table('mfa_totp', {
  userId: uuid('user_id').primaryKey(),
  secretEncrypted: text('secret_encrypted').notNull(),
  confirmedAt: at('confirmed_at'),
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const mfaRecoveryCodes = prefiq.table('mfa_recovery_codes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull(),
  codeHash: text('code_hash').notNull(),
  usedAt: at('used_at'),
});

export const oidcIdentities = prefiq.table('oidc_identities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull(),
  issuer: text('issuer').notNull(),
  subject: text('subject').notNull(),
  email: text('email'),
  createdAt: at('created_at').notNull().defaultNow(),
  lastLoginAt: at('last_login_at'),
});

export const oidcStates = prefiq.table('oidc_states', {
  stateHash: text('state_hash').primaryKey(),
  provider: text('provider').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
});

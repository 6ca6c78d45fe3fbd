CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
-- Users are global: a user's tenants and roles belong to tenancy (prefiq-tenancy).
CREATE TABLE prefiq.users (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"password_hash" text,
	"password_changed_at" timestamp with time zone,
	"email_verified_at" timestamp with time zone,
	"mfa_enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_status_check" CHECK ("status" IN ('active', 'invited', 'disabled')),
	CONSTRAINT "users_email_check" CHECK ("email" = btrim("email") AND "email" LIKE '%_@_%')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON prefiq.users (lower("email"));
--> statement-breakpoint
-- A session is one sign-in (a refresh-token family): revoking it ends every token it issued.
CREATE TABLE prefiq.sessions (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL REFERENCES prefiq.users ("id") ON DELETE CASCADE,
	"tenant_id" uuid,
	"access_hash" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL,
	"csrf_hash" text NOT NULL,
	"amr" text[] DEFAULT '{}' NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "sessions_access_hash_key" UNIQUE ("access_hash")
);
--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON prefiq.sessions ("user_id") WHERE "revoked_at" IS NULL;
--> statement-breakpoint
CREATE TABLE prefiq.refresh_tokens (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL REFERENCES prefiq.sessions ("id") ON DELETE CASCADE,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"replaced_by" uuid,
	CONSTRAINT "refresh_tokens_token_hash_key" UNIQUE ("token_hash")
);
--> statement-breakpoint
CREATE INDEX "refresh_tokens_session_id_idx" ON prefiq.refresh_tokens ("session_id");
--> statement-breakpoint
CREATE TABLE prefiq.api_keys (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid NOT NULL REFERENCES prefiq.users ("id") ON DELETE CASCADE,
	"tenant_id" uuid NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_key" UNIQUE ("prefix")
);
--> statement-breakpoint
CREATE INDEX "api_keys_tenant_user_idx" ON prefiq.api_keys ("tenant_id", "user_id");
--> statement-breakpoint
-- Password reset, email verification and the MFA step of a sign-in: hashed, expiring, single-use.
CREATE TABLE prefiq.one_time_tokens (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL REFERENCES prefiq.users ("id") ON DELETE CASCADE,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "one_time_tokens_token_hash_key" UNIQUE ("token_hash"),
	CONSTRAINT "one_time_tokens_purpose_check" CHECK ("purpose" IN ('password_reset', 'email_verify', 'mfa_challenge'))
);
--> statement-breakpoint
CREATE INDEX "one_time_tokens_user_purpose_idx" ON prefiq.one_time_tokens ("user_id", "purpose");
--> statement-breakpoint
-- Failed and successful sign-ins by account (lower-cased email, known or not) and by client address.
CREATE TABLE prefiq.login_attempts (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON prefiq.login_attempts ("email", "at");
--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON prefiq.login_attempts ("ip", "at");
--> statement-breakpoint
-- "account:<email>" or "ip:<address>", locked until a time.
CREATE TABLE prefiq.login_lockouts (
	"key" text PRIMARY KEY NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The TOTP secret, AES-256-GCM encrypted with auth.mfa.encryptionKey (bound to the user id).
CREATE TABLE prefiq.mfa_totp (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES prefiq.users ("id") ON DELETE CASCADE,
	"secret_encrypted" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_time_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE prefiq.mfa_recovery_codes (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL REFERENCES prefiq.users ("id") ON DELETE CASCADE,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "mfa_recovery_codes_code_hash_key" UNIQUE ("user_id", "code_hash")
);
--> statement-breakpoint
CREATE TABLE prefiq.oidc_identities (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL REFERENCES prefiq.users ("id") ON DELETE CASCADE,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "oidc_identities_issuer_subject_key" UNIQUE ("issuer", "subject")
);
--> statement-breakpoint
CREATE INDEX "oidc_identities_user_id_idx" ON prefiq.oidc_identities ("user_id");
--> statement-breakpoint
-- An authorization request in flight: state (hashed), nonce and PKCE verifier, single-use.
CREATE TABLE prefiq.oidc_states (
	"state_hash" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);

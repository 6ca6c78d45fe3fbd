CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
-- One row per Idempotency-Key a credential used in a tenant: claimed (in_flight) before the
-- handler runs, then the first response as sent, replayed for a retry until expires_at.
CREATE TABLE prefiq.idempotency_keys (
  tenant_id uuid NOT NULL,
  credential text NOT NULL CHECK (credential <> ''),
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  state text NOT NULL CHECK (state IN ('in_flight', 'done')),
  -- an in-flight claim older than this belongs to a request that died: it may be taken again
  locked_until timestamptz NOT NULL,
  status integer CHECK (status BETWEEN 100 AND 599),
  headers jsonb,
  body bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, credential, key),
  CHECK (state = 'in_flight' OR (status IS NOT NULL AND headers IS NOT NULL AND body IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX idempotency_keys_expires_at ON prefiq.idempotency_keys (expires_at);
--> statement-breakpoint
-- Read and written by the owner around a request, outside the tenant's transaction (as the audit
-- tables are); no tenant role reads it: enabled without FORCE and without a policy, so only the
-- owner sees rows.
ALTER TABLE prefiq.idempotency_keys ENABLE ROW LEVEL SECURITY;

-- Saga runs (ADR 0028): one row per run of a declared saga (checkout, order → stock + invoice).
-- Each step's outcome is written in the same transaction as the step's own effect, so after a
-- crash the row says exactly which steps took effect; a run whose lease ran out is taken over by
-- the recovery job and compensated (or resumed, as its saga says).
CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
CREATE TABLE prefiq.saga_runs (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  saga text NOT NULL CHECK (saga ~ '^[a-z][a-z0-9-]{0,40}\.[a-z][a-z0-9-]{0,60}$'),
  -- the Idempotency-Key of the request that started it (with its credential): one run per key
  key text CHECK (key IS NULL OR length(key) BETWEEN 1 AND 400),
  user_id uuid,
  request_id text CHECK (request_id IS NULL OR length(request_id) <= 200),
  status text NOT NULL CHECK (status IN ('running', 'completed', 'compensating', 'compensated')),
  input jsonb NOT NULL,
  -- each done step's result by step name
  results jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- each step's state by name: started (an external step called), done, failed, compensated
  steps jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- how many steps are done, in order (the next one to run)
  step integer NOT NULL DEFAULT 0 CHECK (step >= 0),
  output jsonb,
  -- the failure that started the compensation: { step, code, message }
  error jsonb,
  -- the runner that holds the run; a write of another one changes nothing
  owner uuid NOT NULL,
  leased_until timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 1 CHECK (attempts > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX saga_runs_key_idx ON prefiq.saga_runs (tenant_id, saga, key) WHERE key IS NOT NULL;
--> statement-breakpoint
CREATE INDEX saga_runs_open_idx ON prefiq.saga_runs (leased_until)
  WHERE status IN ('running', 'compensating');
--> statement-breakpoint
DO $$
BEGIN
  CREATE ROLE prefiq_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA prefiq TO prefiq_app;
--> statement-breakpoint
REVOKE ALL ON prefiq.saga_runs FROM PUBLIC;
--> statement-breakpoint
-- A step's transaction (as the tenant role) records its outcome; nobody deletes a run but the owner.
GRANT SELECT, INSERT, UPDATE ON prefiq.saga_runs TO prefiq_app;
--> statement-breakpoint
-- Not FORCEd: the recovery job reads every tenant's stale runs as the owner.
ALTER TABLE prefiq.saga_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY saga_runs_tenant ON prefiq.saga_runs
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

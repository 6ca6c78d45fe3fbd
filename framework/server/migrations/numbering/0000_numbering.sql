-- Gapless document numbers per tenant (ADR 0027 §10). One row per (tenant, series, scope): `next`
-- is the number the next document of that series takes. A caller takes it in its own transaction
-- with INSERT … ON CONFLICT DO UPDATE … RETURNING, which holds the row's lock until it commits:
-- numbers of one series are handed out one transaction at a time, and a rolled-back transaction
-- leaves `next` as it was, so no number is lost.
CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
CREATE TABLE prefiq.number_series (
  tenant_id uuid NOT NULL,
  -- e.g. SINV; the app's own name for the series
  series text NOT NULL CHECK (series ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$'),
  -- e.g. 2026 for a yearly series, '' for one that never restarts
  scope text NOT NULL CHECK (scope ~ '^[A-Za-z0-9_.-]{0,32}$'),
  next bigint NOT NULL CHECK (next > 0),
  PRIMARY KEY (tenant_id, series, scope)
);
--> statement-breakpoint
-- prefiq_app is the prefiq-tenancy source's, which frameworkMigrations applies before this one
GRANT USAGE ON SCHEMA prefiq TO prefiq_app;
--> statement-breakpoint
REVOKE ALL ON prefiq.number_series FROM PUBLIC;
--> statement-breakpoint
-- A tenant's transaction starts a series and advances it; no one removes a number once taken.
GRANT SELECT, INSERT, UPDATE ON prefiq.number_series TO prefiq_app;
--> statement-breakpoint
ALTER TABLE prefiq.number_series ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE prefiq.number_series FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY number_series_tenant ON prefiq.number_series
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

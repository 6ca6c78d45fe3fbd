-- Outbound webhooks (ADR 0026). A tenant's endpoints (a URL, the events it wants, a signing
-- secret sealed at rest) and one delivery per event and endpoint: the body is fixed when the
-- delivery is recorded, so every attempt sends the same bytes under the same webhook-id. Both
-- tables hold one tenant's rows each and are only ever touched in that tenant's transaction
-- (API, event consumer, delivery job): row-level security is forced, there is no exemption.
CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
DO $$
BEGIN
  CREATE ROLE prefiq_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
CREATE TABLE prefiq.webhook_endpoints (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
  description text CHECK (length(description) <= 500),
  -- event names (`crm.deal.won`) or an app's wildcard (`crm.*`)
  event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 100),
  enabled boolean NOT NULL DEFAULT true,
  -- the `whsec_…` secret, AES-256-GCM sealed for this endpoint (see webhook-secret.ts)
  secret_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX webhook_endpoints_tenant_idx ON prefiq.webhook_endpoints (tenant_id, created_at);
--> statement-breakpoint
CREATE TABLE prefiq.webhook_deliveries (
  -- the webhook-id header: the same on every attempt and redelivery
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  endpoint_id uuid NOT NULL REFERENCES prefiq.webhook_endpoints (id) ON DELETE CASCADE,
  -- the event's id (prefiq.event_outbox), or a fresh one for a test event
  event_id uuid NOT NULL,
  event_type text NOT NULL CHECK (length(event_type) BETWEEN 1 AND 200),
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_response_status integer,
  last_latency_ms integer,
  last_error text,
  next_attempt_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- one event reaches one endpoint once, however often the event is delivered to the consumer
  CONSTRAINT webhook_deliveries_event_key UNIQUE (endpoint_id, event_id)
);
--> statement-breakpoint
CREATE INDEX webhook_deliveries_log_idx ON prefiq.webhook_deliveries (endpoint_id, created_at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX webhook_deliveries_pending_idx ON prefiq.webhook_deliveries (next_attempt_at)
  WHERE status = 'pending';
--> statement-breakpoint
GRANT USAGE ON SCHEMA prefiq TO prefiq_app;
--> statement-breakpoint
REVOKE ALL ON prefiq.webhook_endpoints, prefiq.webhook_deliveries FROM PUBLIC;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON prefiq.webhook_endpoints, prefiq.webhook_deliveries TO prefiq_app;
--> statement-breakpoint
ALTER TABLE prefiq.webhook_endpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE prefiq.webhook_endpoints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhook_endpoints_tenant ON prefiq.webhook_endpoints
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE prefiq.webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE prefiq.webhook_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhook_deliveries_tenant ON prefiq.webhook_deliveries
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

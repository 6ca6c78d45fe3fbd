-- Transactional outbox and consumers' inboxes (ADR 0018). A write appends its events to
-- prefiq.event_outbox in its own transaction; a dispatcher fans each committed event out to one
-- prefiq.event_deliveries row per consumer (or publishes it to RabbitMQ); a consumer's effect and
-- its prefiq.event_inbox row commit together, so a redelivery finds the event id there and does
-- nothing twice. Deliveries that keep failing stay in prefiq.event_deliveries as 'dead'.
CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
DO $$
BEGIN
  CREATE ROLE prefiq_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
CREATE TABLE prefiq.event_outbox (
  -- commit order within one aggregate (writers of one aggregate hold its row lock in turn)
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$'),
  aggregate_key text NOT NULL CHECK (length(aggregate_key) BETWEEN 1 AND 300),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  payload jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  request_id text,
  -- set once every consumer has its delivery row, or RabbitMQ confirmed the publish
  dispatched_at timestamptz
);
--> statement-breakpoint
CREATE UNIQUE INDEX event_outbox_seq_idx ON prefiq.event_outbox (seq);
--> statement-breakpoint
CREATE INDEX event_outbox_undispatched_idx ON prefiq.event_outbox (seq) WHERE dispatched_at IS NULL;
--> statement-breakpoint
CREATE TABLE prefiq.event_deliveries (
  consumer text NOT NULL CHECK (consumer ~ '^[a-z][a-z0-9-]{1,30}$'),
  event_id uuid NOT NULL REFERENCES prefiq.event_outbox (id),
  tenant_id uuid NOT NULL,
  -- the event's seq and aggregate key, so a consumer gets one aggregate's events in order
  seq bigint NOT NULL,
  aggregate_key text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dead')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- a dispatcher working on it; another one takes it over once this has passed
  leased_until timestamptz,
  last_error text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_deliveries_pkey PRIMARY KEY (consumer, event_id)
);
--> statement-breakpoint
CREATE INDEX event_deliveries_order_idx ON prefiq.event_deliveries (consumer, aggregate_key, seq)
  WHERE status = 'pending';
--> statement-breakpoint
CREATE INDEX event_deliveries_dead_idx ON prefiq.event_deliveries (tenant_id, updated_at)
  WHERE status = 'dead';
--> statement-breakpoint
CREATE TABLE prefiq.event_inbox (
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_inbox_pkey PRIMARY KEY (consumer, event_id)
);
--> statement-breakpoint
GRANT USAGE ON SCHEMA prefiq TO prefiq_app;
--> statement-breakpoint
REVOKE ALL ON prefiq.event_outbox, prefiq.event_deliveries, prefiq.event_inbox FROM PUBLIC;
--> statement-breakpoint
-- A tenant's transaction appends its events and reads them; it never changes one.
GRANT SELECT, INSERT ON prefiq.event_outbox TO prefiq_app;
--> statement-breakpoint
-- A consumer's transaction (in the event's tenant) removes its delivery with its effect; the dead
-- letters API reads, retries (update) and discards (delete) them.
GRANT SELECT, UPDATE, DELETE ON prefiq.event_deliveries TO prefiq_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON prefiq.event_inbox TO prefiq_app;
--> statement-breakpoint
ALTER TABLE prefiq.event_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_outbox_tenant ON prefiq.event_outbox
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE prefiq.event_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_deliveries_tenant ON prefiq.event_deliveries
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE prefiq.event_inbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_inbox_tenant ON prefiq.event_inbox
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

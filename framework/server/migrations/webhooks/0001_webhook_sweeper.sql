-- The sweeper (prefiq.sweep-webhooks) reads and prunes deliveries of every tenant. Row-level
-- security is forced on the table, so the owner sees no tenant's rows either; like the audit
-- sealer (prefiq_audit_maintenance), the sweeper takes a NOLOGIN role of its own for one
-- transaction (SET LOCAL ROLE), which alone has a policy over all tenants. The connecting role (the
-- one that migrates) is made a member so that it may take it.
DO $$
BEGIN
  CREATE ROLE prefiq_webhook_maintenance NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'prefiq_webhook_maintenance', 'MEMBER') THEN
    EXECUTE format('GRANT prefiq_webhook_maintenance TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA prefiq TO prefiq_webhook_maintenance;
--> statement-breakpoint
GRANT SELECT, UPDATE, DELETE ON prefiq.webhook_deliveries TO prefiq_webhook_maintenance;
--> statement-breakpoint
CREATE POLICY webhook_deliveries_maintenance ON prefiq.webhook_deliveries
  TO prefiq_webhook_maintenance
  USING (true) WITH CHECK (true);
--> statement-breakpoint
-- what the prune looks for: final deliveries by the time of their last change
CREATE INDEX webhook_deliveries_final_idx ON prefiq.webhook_deliveries (updated_at)
  WHERE status IN ('delivered', 'failed');

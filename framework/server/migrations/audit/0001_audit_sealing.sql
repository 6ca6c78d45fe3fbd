-- Sealing after commit (ADR 0004, amendment): a write appends its entries to prefiq.audit_pending
-- inside its transaction, without any lock; a sealer then moves committed entries into the
-- tenant's hash chain (prefiq.audit_log), in order, a batch at a time. The chain's format and its
-- verification do not change; only the sealer writes chain rows.
CREATE TABLE prefiq.audit_pending (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL,
  -- the time of the writing transaction, as the chain keeps it
  at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
  actor text NOT NULL CHECK (actor <> ''),
  action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{0,62}$'),
  entity text,
  record_id text,
  diff jsonb,
  request_id text,
  metadata jsonb
);
--> statement-breakpoint
CREATE INDEX audit_pending_tenant_idx ON prefiq.audit_pending (tenant_id, id);
--> statement-breakpoint
-- Entries leave prefiq.audit_pending only into the chain, through prefiq.audit_seal (which says so
-- in a transaction-local setting), or by prefiq_audit_maintenance: the chain's append-only
-- trigger function, which guards both tables, refuses every other DELETE, UPDATE or TRUNCATE,
-- superusers' included.
CREATE OR REPLACE FUNCTION prefiq.audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_pending'
     AND current_setting('prefiq.audit_sealing', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF NOT prefiq.audit_is_maintainer() THEN
    RAISE EXCEPTION 'prefiq.% is append-only: % refused for role %', TG_TABLE_NAME, TG_OP, current_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'only the prefiq_audit_maintenance role may change or remove audit rows';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_pending_append_only
  BEFORE UPDATE OR DELETE ON prefiq.audit_pending
  FOR EACH ROW EXECUTE FUNCTION prefiq.audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_pending_no_truncate
  BEFORE TRUNCATE ON prefiq.audit_pending
  FOR EACH STATEMENT EXECUTE FUNCTION prefiq.audit_log_append_only();
--> statement-breakpoint
REVOKE ALL ON prefiq.audit_pending FROM PUBLIC;
--> statement-breakpoint
GRANT INSERT ON prefiq.audit_pending TO prefiq_app;
--> statement-breakpoint
GRANT SELECT, UPDATE, DELETE ON prefiq.audit_pending TO prefiq_audit_maintenance;
--> statement-breakpoint
-- The app role appends pending entries of the transaction's tenant and reads none; the chain itself
-- is written by the sealer alone (the tables' owner), so the app role no longer inserts there.
ALTER TABLE prefiq.audit_pending ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_pending_tenant_append ON prefiq.audit_pending FOR INSERT
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY audit_pending_maintenance ON prefiq.audit_pending
  TO prefiq_audit_maintenance
  USING (true) WITH CHECK (true);
--> statement-breakpoint
REVOKE INSERT ON prefiq.audit_log FROM prefiq_app;
--> statement-breakpoint
-- The oldest pending entries (at most p_limit; of one tenant when p_tenant is given) with the head
-- of their tenant's chain, each chain locked until the transaction ends. The tenants are locked in
-- a fixed order (two sealers cannot deadlock), then the entries and heads are read again: in a
-- VOLATILE function each statement takes a new snapshot (READ COMMITTED), so what another sealer
-- moved meanwhile is gone from the pending entries and there in the chain.
CREATE FUNCTION prefiq.audit_take_pending(p_limit integer, p_tenant uuid DEFAULT NULL)
RETURNS TABLE (
  id bigint,
  tenant_id uuid,
  at text,
  actor_type text,
  actor text,
  action text,
  entity text,
  record_id text,
  diff text,
  request_id text,
  metadata text,
  head_seq bigint,
  head_hash text
)
LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  tenants uuid[];
  t uuid;
BEGIN
  SELECT array_agg(DISTINCT q.tenant_id ORDER BY q.tenant_id) INTO tenants
    FROM (SELECT p.tenant_id FROM prefiq.audit_pending p
           WHERE p_tenant IS NULL OR p.tenant_id = p_tenant
           ORDER BY p.id LIMIT p_limit) q;
  IF tenants IS NULL THEN
    RETURN;
  END IF;
  FOREACH t IN ARRAY tenants LOOP
    PERFORM pg_advisory_xact_lock(hashtext('prefiq.audit_log'), hashtext(t::text));
  END LOOP;
  RETURN QUERY
    SELECT p.id, p.tenant_id, prefiq.audit_time(p.at), p.actor_type, p.actor, p.action, p.entity,
           p.record_id, p.diff::text, p.request_id, p.metadata::text,
           coalesce(h.seq, 0::bigint), coalesce(h.hash, repeat('0', 64))
      FROM (SELECT * FROM prefiq.audit_pending p
             WHERE p.tenant_id = ANY (tenants)
             ORDER BY p.id LIMIT p_limit) p
      LEFT JOIN LATERAL (
        SELECT l.seq, l.hash FROM prefiq.audit_log l
         WHERE l.tenant_id = p.tenant_id
         ORDER BY l.seq DESC LIMIT 1
      ) h ON true
     ORDER BY p.id;
END
$$;
--> statement-breakpoint
-- Moves pending entries into the chain with the places the sealer computed for them
-- ([{ id, seq, prev_hash, hash }]): each row's content is copied as it is stored, so the hash the
-- sealer computed from what it read covers what the chain keeps. All or nothing.
CREATE FUNCTION prefiq.audit_seal(p_seals jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  moved integer;
BEGIN
  PERFORM set_config('prefiq.audit_sealing', 'on', true);
  WITH seal AS (
    SELECT s.id, s.seq, s.prev_hash, s.hash
      FROM jsonb_to_recordset(p_seals) AS s(id bigint, seq bigint, prev_hash text, hash text)
  ), taken AS (
    DELETE FROM prefiq.audit_pending p USING seal
     WHERE p.id = seal.id
    RETURNING p.tenant_id, seal.seq, p.at, p.actor_type, p.actor, p.action, p.entity, p.record_id,
              p.diff, p.request_id, p.metadata, seal.prev_hash, seal.hash
  )
  INSERT INTO prefiq.audit_log (tenant_id, seq, at, actor_type, actor, action, entity, record_id,
                                diff, request_id, metadata, prev_hash, hash)
  SELECT tenant_id, seq, at, actor_type, actor, action, entity, record_id,
         diff, request_id, metadata, prev_hash, hash
    FROM taken;
  GET DIAGNOSTICS moved = ROW_COUNT;
  PERFORM set_config('prefiq.audit_sealing', '', true);
  IF moved <> jsonb_array_length(p_seals) THEN
    RAISE EXCEPTION 'prefiq.audit_seal: % of % entries were still pending', moved, jsonb_array_length(p_seals);
  END IF;
  RETURN moved;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION prefiq.audit_take_pending(integer, uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION prefiq.audit_seal(jsonb) FROM PUBLIC;
--> statement-breakpoint
DROP FUNCTION prefiq.audit_chain_head(uuid);

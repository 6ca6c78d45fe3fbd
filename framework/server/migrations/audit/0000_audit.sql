CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
-- Roles are cluster-wide: another database of the cluster (or a concurrent migration) may have
-- created them already. prefiq_app is the role the application's login role is a member of;
-- prefiq_audit_maintenance is the only one that may change or remove audit rows.
DO $$
BEGIN
  CREATE ROLE prefiq_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  CREATE ROLE prefiq_audit_maintenance NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
CREATE TABLE prefiq.audit_log (
  tenant_id uuid NOT NULL,
  seq bigint NOT NULL CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
  actor text NOT NULL CHECK (actor <> ''),
  action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{0,62}$'),
  entity text,
  record_id text,
  diff jsonb,
  request_id text,
  metadata jsonb,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT audit_log_pkey PRIMARY KEY (tenant_id, seq)
);
--> statement-breakpoint
CREATE INDEX audit_log_record_idx ON prefiq.audit_log (tenant_id, entity, record_id, seq);
--> statement-breakpoint
CREATE INDEX audit_log_actor_idx ON prefiq.audit_log (tenant_id, actor, seq);
--> statement-breakpoint
CREATE INDEX audit_log_at_idx ON prefiq.audit_log (tenant_id, at);
--> statement-breakpoint
-- The canonical text of a timestamp in the hash chain: ISO 8601 in UTC with milliseconds, as
-- JavaScript's toISOString() writes it; a value with sub-millisecond digits keeps all six, so
-- tampering below the millisecond still changes the text (and breaks the hash).
CREATE FUNCTION prefiq.audit_time(t timestamptz) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(
    to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    '(\.[0-9]{3})000Z$', '\1Z')
$$;
--> statement-breakpoint
-- Locks a tenant's chain until the transaction ends and returns its head. The lock comes first:
-- in a VOLATILE function each statement takes a new snapshot (READ COMMITTED), so the SELECT sees
-- the row the previous lock holder committed. The (tenant_id, seq) primary key refuses a fork
-- even where that does not hold (REPEATABLE READ): the second writer fails, it never forks.
CREATE FUNCTION prefiq.audit_chain_head(
  p_tenant uuid,
  OUT head_seq bigint,
  OUT head_hash text,
  OUT head_at text
)
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('prefiq.audit_log'), hashtext(p_tenant::text));
  SELECT l.seq, l.hash INTO head_seq, head_hash
    FROM prefiq.audit_log l
   WHERE l.tenant_id = p_tenant
   ORDER BY l.seq DESC
   LIMIT 1;
  IF NOT FOUND THEN
    head_seq := 0;
    head_hash := repeat('0', 64);
  END IF;
  head_at := prefiq.audit_time(date_trunc('milliseconds', now()));
END
$$;
--> statement-breakpoint
-- Whether the current role is prefiq_audit_maintenance or a member of it, by real membership:
-- pg_has_role() would say yes to every superuser, and an accidental DELETE from a superuser's
-- console is exactly what this guards against (a superuser who means it must SET ROLE).
CREATE FUNCTION prefiq.audit_is_maintainer() RETURNS boolean
LANGUAGE sql STABLE
AS $$
  WITH RECURSIVE memberships(oid) AS (
    SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user
    UNION
    SELECT m.roleid FROM pg_catalog.pg_auth_members m JOIN memberships ON m.member = memberships.oid
  )
  SELECT EXISTS (
    SELECT 1 FROM memberships JOIN pg_catalog.pg_roles r ON r.oid = memberships.oid
     WHERE r.rolname = 'prefiq_audit_maintenance'
  )
$$;
--> statement-breakpoint
CREATE FUNCTION prefiq.audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT prefiq.audit_is_maintainer() THEN
    RAISE EXCEPTION 'prefiq.audit_log is append-only: % refused for role %', TG_OP, current_user
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
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON prefiq.audit_log
  FOR EACH ROW EXECUTE FUNCTION prefiq.audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON prefiq.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION prefiq.audit_log_append_only();
--> statement-breakpoint
REVOKE ALL ON prefiq.audit_log FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA prefiq TO prefiq_app, prefiq_audit_maintenance;
--> statement-breakpoint
GRANT SELECT, INSERT ON prefiq.audit_log TO prefiq_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON prefiq.audit_log FROM prefiq_app;
--> statement-breakpoint
GRANT SELECT, UPDATE, DELETE ON prefiq.audit_log TO prefiq_audit_maintenance;
--> statement-breakpoint
-- Tenant isolation for every role that does not own the table: reads and appends only in the
-- tenant the transaction names (app.tenant_id, set per transaction by the data layer).
ALTER TABLE prefiq.audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_tenant_read ON prefiq.audit_log FOR SELECT
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY audit_log_tenant_append ON prefiq.audit_log FOR INSERT
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY audit_log_maintenance ON prefiq.audit_log
  TO prefiq_audit_maintenance
  USING (true) WITH CHECK (true);

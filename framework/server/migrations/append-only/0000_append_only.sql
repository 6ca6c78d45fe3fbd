-- Append-only tables of any app (ADR 0027 §4): the audit log's guard, generalised. An app's
-- migration attaches prefiq.refuse_change() to a table it means to keep append-only:
--   CREATE TRIGGER <t>_append_only BEFORE UPDATE OR DELETE ON <s>.<t>
--     FOR EACH ROW EXECUTE FUNCTION prefiq.refuse_change();
--   CREATE TRIGGER <t>_no_truncate BEFORE TRUNCATE ON <s>.<t>
--     FOR EACH STATEMENT EXECUTE FUNCTION prefiq.refuse_change();
-- and ensureRowLevelSecurity, finding the trigger in the catalog, grants the tenant role SELECT and
-- INSERT only on that table at every boot.
CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
-- Roles are cluster-wide: another database of the cluster may have created it already. No role is
-- made a member here: whoever must correct a ledger row takes the role explicitly (GRANT, then
-- SET ROLE), so that the connecting role, superusers included, is refused like every other.
DO $$
BEGIN
  CREATE ROLE prefiq_ledger_maintenance NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- Refuses UPDATE, DELETE and TRUNCATE of the table it guards, for every role (superusers too, and
-- so on PGlite, which runs as one) but members of prefiq_ledger_maintenance, by real membership:
-- pg_has_role() would say yes to every superuser.
CREATE FUNCTION prefiq.refuse_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT EXISTS (
    WITH RECURSIVE memberships(oid) AS (
      SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user
      UNION
      SELECT m.roleid FROM pg_catalog.pg_auth_members m JOIN memberships ON m.member = memberships.oid
    )
    SELECT 1 FROM memberships JOIN pg_catalog.pg_roles r ON r.oid = memberships.oid
     WHERE r.rolname = 'prefiq_ledger_maintenance'
  ) THEN
    RAISE EXCEPTION '%.% is append-only: % refused for role %', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP, current_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'append a correcting row instead; only prefiq_ledger_maintenance may change or remove rows';
  END IF;
  -- the row an UPDATE writes or a DELETE removes; NULL for TRUNCATE, a statement trigger's is ignored
  RETURN coalesce(NEW, OLD);
END
$$;

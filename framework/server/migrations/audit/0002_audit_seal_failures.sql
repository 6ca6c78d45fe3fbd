-- Entries the sealer cannot seal (ADR 0004, amendment "an entry that cannot be sealed"): one bad
-- entry must not stop the other chains. The sealer records it here, in the same transaction as
-- the seals of the entries it could chain, and leaves it pending: its tenant's chain waits at it
-- (a chain is ordered: nothing behind it is sealed, nothing skipped silently), every other chain
-- goes on. It is tried again with backoff; an operator resolves it (retry after a fix, or set it
-- aside with prefiq.audit_set_aside, which leaves a marker in its place in the chain).
CREATE TABLE prefiq.audit_seal_failure (
  pending_id bigint PRIMARY KEY REFERENCES prefiq.audit_pending (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL,
  -- milliseconds, as the chain writes times
  first_failed_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  last_failed_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  attempts integer NOT NULL DEFAULT 1 CHECK (attempts > 0),
  retry_at timestamptz NOT NULL,
  -- why, without the entry's content (it may hold personal data): the column and the rule it broke
  error text NOT NULL CHECK (length(error) BETWEEN 1 AND 500)
);
--> statement-breakpoint
CREATE INDEX audit_seal_failure_tenant_idx ON prefiq.audit_seal_failure (tenant_id, retry_at);
--> statement-breakpoint
-- Entries an operator set aside: the content exactly as it was pending, kept (never lost) outside
-- the chain; the chain holds an `audit.entry_set_aside` marker in the entry's place, with the
-- sha256 of this content (prefiq.audit_set_aside_digest) so a later change here shows.
CREATE TABLE prefiq.audit_set_aside (
  pending_id bigint PRIMARY KEY,
  tenant_id uuid NOT NULL,
  at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity text,
  record_id text,
  diff jsonb,
  request_id text,
  metadata jsonb,
  seal_error text NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  set_aside_by text NOT NULL,
  set_aside_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);
--> statement-breakpoint
CREATE TRIGGER audit_set_aside_append_only
  BEFORE UPDATE OR DELETE ON prefiq.audit_set_aside
  FOR EACH ROW EXECUTE FUNCTION prefiq.audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_set_aside_no_truncate
  BEFORE TRUNCATE ON prefiq.audit_set_aside
  FOR EACH STATEMENT EXECUTE FUNCTION prefiq.audit_log_append_only();
--> statement-breakpoint
REVOKE ALL ON prefiq.audit_seal_failure FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON prefiq.audit_set_aside FROM PUBLIC;
--> statement-breakpoint
GRANT SELECT ON prefiq.audit_seal_failure TO prefiq_audit_maintenance;
--> statement-breakpoint
GRANT SELECT, INSERT ON prefiq.audit_set_aside TO prefiq_audit_maintenance;
--> statement-breakpoint
-- setting an entry aside puts the marker back under the entry's own id (its place in the order)
GRANT INSERT ON prefiq.audit_pending TO prefiq_audit_maintenance;
--> statement-breakpoint
-- Like the chain: the owner (the sealer) sees every tenant, the maintenance role too, tenant
-- roles nothing (they have no grant either).
ALTER TABLE prefiq.audit_seal_failure ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_seal_failure_maintenance ON prefiq.audit_seal_failure
  TO prefiq_audit_maintenance
  USING (true);
--> statement-breakpoint
ALTER TABLE prefiq.audit_set_aside ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_set_aside_maintenance ON prefiq.audit_set_aside
  TO prefiq_audit_maintenance
  USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The sealer's wait before trying an entry again after its n-th failure: 1 s, 2 s, 4 s, … 5 min at most.
CREATE FUNCTION prefiq.audit_seal_backoff(p_attempts integer) RETURNS interval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT least(interval '1 second' * power(2, least(greatest(p_attempts, 1), 20) - 1), interval '5 minutes')
$$;
--> statement-breakpoint
DROP FUNCTION prefiq.audit_take_pending(integer, uuid);
--> statement-breakpoint
-- As before (0001), but tenants whose chain waits at an entry that failed are left out until its
-- retry time (p_retry: at once), and so are the tenants in p_skip (those that failed in the
-- caller's pass already). `seal_attempts` says how often an entry failed so far.
CREATE FUNCTION prefiq.audit_take_pending(
  p_limit integer,
  p_tenant uuid DEFAULT NULL,
  p_retry boolean DEFAULT false,
  p_skip uuid[] DEFAULT '{}'
)
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
  head_hash text,
  seal_attempts integer
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
           WHERE (p_tenant IS NULL OR p.tenant_id = p_tenant)
             AND NOT (p.tenant_id = ANY (p_skip))
             AND NOT EXISTS (SELECT 1 FROM prefiq.audit_seal_failure f
                              WHERE f.tenant_id = p.tenant_id AND NOT p_retry AND f.retry_at > now())
           ORDER BY p.id LIMIT p_limit) q;
  IF tenants IS NULL THEN
    RETURN;
  END IF;
  FOREACH t IN ARRAY tenants LOOP
    PERFORM pg_advisory_xact_lock(hashtext('prefiq.audit_log'), hashtext(t::text));
  END LOOP;
  -- read again after the locks: another sealer may have sealed, or failed, meanwhile
  RETURN QUERY
    SELECT p.id, p.tenant_id, prefiq.audit_time(p.at), p.actor_type, p.actor, p.action, p.entity,
           p.record_id, p.diff::text, p.request_id, p.metadata::text,
           coalesce(h.seq, 0::bigint), coalesce(h.hash, repeat('0', 64)), coalesce(f.attempts, 0)
      FROM (SELECT * FROM prefiq.audit_pending p
             WHERE p.tenant_id = ANY (tenants)
               AND NOT EXISTS (SELECT 1 FROM prefiq.audit_seal_failure f
                                WHERE f.tenant_id = p.tenant_id AND NOT p_retry
                                  AND f.retry_at > now())
             ORDER BY p.id LIMIT p_limit) p
      LEFT JOIN LATERAL (
        SELECT l.seq, l.hash FROM prefiq.audit_log l
         WHERE l.tenant_id = p.tenant_id
         ORDER BY l.seq DESC LIMIT 1
      ) h ON true
      LEFT JOIN prefiq.audit_seal_failure f ON f.pending_id = p.id
     ORDER BY p.id;
END
$$;
--> statement-breakpoint
-- Records entries the sealer could not seal ([{ id, tenant_id, error }]): a first failure, or one
-- more (attempts + 1, the next retry later). Entries no longer pending are passed over. Returns
-- each recorded entry with its attempts, so the caller reports a first failure once.
CREATE FUNCTION prefiq.audit_seal_failed(p_failures jsonb)
RETURNS TABLE (pending_id bigint, attempts integer)
LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    INSERT INTO prefiq.audit_seal_failure AS s (pending_id, tenant_id, error, retry_at)
    SELECT f.id, f.tenant_id, left(f.error, 500),
           date_trunc('milliseconds', now()) + prefiq.audit_seal_backoff(1)
      FROM jsonb_to_recordset(p_failures) AS f(id bigint, tenant_id uuid, error text)
     WHERE EXISTS (SELECT 1 FROM prefiq.audit_pending p WHERE p.id = f.id)
    ON CONFLICT ON CONSTRAINT audit_seal_failure_pkey DO UPDATE
      SET error = excluded.error,
          attempts = s.attempts + 1,
          last_failed_at = date_trunc('milliseconds', now()),
          retry_at = date_trunc('milliseconds', now()) + prefiq.audit_seal_backoff(s.attempts + 1)
    RETURNING s.pending_id, s.attempts;
END
$$;
--> statement-breakpoint
-- The sha256 (hex) of a set-aside entry's content, which its marker in the chain keeps: the
-- jsonb text of the ten content columns (jsonb's text form is deterministic).
CREATE FUNCTION prefiq.audit_set_aside_digest(e prefiq.audit_set_aside) RETURNS text
LANGUAGE sql STABLE STRICT
AS $$
  SELECT encode(sha256(convert_to(jsonb_build_object(
    'tenantId', e.tenant_id, 'at', prefiq.audit_time(e.at), 'actorType', e.actor_type,
    'actor', e.actor, 'action', e.action, 'entity', e.entity, 'recordId', e.record_id,
    'diff', e.diff, 'requestId', e.request_id, 'metadata', e.metadata)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- An operator's way out for an entry that cannot be sealed (prefiq_audit_maintenance only): the
-- entry moves, unchanged, to prefiq.audit_set_aside, and a marker takes its place (its id, so
-- its place in the order; its time) for the sealer to chain instead: `audit.entry_set_aside` by
-- `system`, naming the entry, the reason, the seal error and the digest of the content set aside.
-- Nothing is skipped silently: the chain says where an entry was set aside, and why.
CREATE FUNCTION prefiq.audit_set_aside(p_id bigint, p_reason text) RETURNS void
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  e prefiq.audit_pending;
  failure prefiq.audit_seal_failure;
  kept prefiq.audit_set_aside;
BEGIN
  IF NOT prefiq.audit_is_maintainer() THEN
    RAISE EXCEPTION 'prefiq.audit_set_aside: refused for role %', current_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'SET ROLE prefiq_audit_maintenance first';
  END IF;
  IF p_reason IS NULL OR length(btrim(p_reason)) NOT BETWEEN 1 AND 500 THEN
    RAISE EXCEPTION 'prefiq.audit_set_aside: give a reason (1 to 500 characters)'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO e FROM prefiq.audit_pending p WHERE p.id = p_id;
  IF FOUND THEN
    -- the chain's lock, as the sealer takes it: no sealer tries the entry meanwhile
    PERFORM pg_advisory_xact_lock(hashtext('prefiq.audit_log'), hashtext(e.tenant_id::text));
    SELECT * INTO e FROM prefiq.audit_pending p WHERE p.id = p_id;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'prefiq.audit_set_aside: no pending entry %', p_id
      USING ERRCODE = 'no_data_found';
  END IF;
  SELECT * INTO failure FROM prefiq.audit_seal_failure f WHERE f.pending_id = p_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'prefiq.audit_set_aside: entry % has not failed to seal: only a stuck entry is set aside', p_id
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  INSERT INTO prefiq.audit_set_aside (pending_id, tenant_id, at, actor_type, actor, action, entity,
                                      record_id, diff, request_id, metadata, seal_error, reason, set_aside_by)
  VALUES (e.id, e.tenant_id, e.at, e.actor_type, e.actor, e.action, e.entity, e.record_id, e.diff,
          e.request_id, e.metadata, failure.error, btrim(p_reason), current_user)
  RETURNING * INTO kept;
  -- the maintenance role may delete a pending entry; its failure goes with it (ON DELETE CASCADE)
  DELETE FROM prefiq.audit_pending p WHERE p.id = p_id;
  INSERT INTO prefiq.audit_pending (id, tenant_id, at, actor_type, actor, action, entity, record_id,
                                    request_id, metadata)
  OVERRIDING SYSTEM VALUE
  VALUES (e.id, e.tenant_id, e.at, 'system', 'system', 'audit.entry_set_aside', e.entity, e.record_id,
          e.request_id,
          jsonb_build_object(
            'pendingId', e.id,
            'action', e.action,
            'actorType', e.actor_type,
            'actor', e.actor,
            'reason', btrim(p_reason),
            'sealError', failure.error,
            'setAsideBy', current_user,
            'contentSha256', prefiq.audit_set_aside_digest(kept)));
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION prefiq.audit_take_pending(integer, uuid, boolean, uuid[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION prefiq.audit_seal_failed(jsonb) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION prefiq.audit_set_aside(bigint, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION prefiq.audit_set_aside(bigint, text) TO prefiq_audit_maintenance;

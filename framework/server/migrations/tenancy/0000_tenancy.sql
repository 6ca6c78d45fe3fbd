CREATE SCHEMA IF NOT EXISTS prefiq;
--> statement-breakpoint
-- The role work in a tenant runs as (SET LOCAL ROLE, per transaction): it owns no table, so
-- row-level security applies to it. Roles are cluster-wide: another database of the cluster (or a
-- concurrent migration) may have created it already.
DO $$
BEGIN
  CREATE ROLE prefiq_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
CREATE TABLE prefiq.tenants (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_slug_key" UNIQUE ("slug"),
	CONSTRAINT "tenants_status_check" CHECK ("status" IN ('active', 'suspended')),
	CONSTRAINT "tenants_slug_check" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "tenants_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 200)
);
--> statement-breakpoint
-- Every tenant has the four built-in roles as rows (their permissions come from the installed
-- apps' manifests at run time, so `permissions` stays empty) and any custom roles with explicit
-- permission sets. Memberships point at a role of their own tenant.
CREATE TABLE prefiq.roles (
	"tenant_id" uuid NOT NULL REFERENCES prefiq.tenants ("id") ON DELETE CASCADE,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"built_in" boolean DEFAULT false NOT NULL,
	"permissions" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roles_pkey" PRIMARY KEY ("tenant_id", "key"),
	CONSTRAINT "roles_key_check" CHECK ("key" ~ '^[a-z][a-z0-9-]{0,62}$'),
	CONSTRAINT "roles_built_in_check" CHECK ("built_in" = ("key" IN ('owner', 'admin', 'member', 'viewer'))),
	CONSTRAINT "roles_built_in_permissions_check" CHECK (NOT "built_in" OR cardinality("permissions") = 0)
);
--> statement-breakpoint
CREATE TABLE prefiq.memberships (
	"tenant_id" uuid NOT NULL REFERENCES prefiq.tenants ("id") ON DELETE CASCADE,
	"user_id" uuid NOT NULL REFERENCES prefiq.users ("id") ON DELETE CASCADE,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY ("tenant_id", "user_id"),
	-- NO ACTION, not RESTRICT: deleting a tenant cascades to both tables in one statement
	CONSTRAINT "memberships_role_fkey" FOREIGN KEY ("tenant_id", "role") REFERENCES prefiq.roles ("tenant_id", "key")
);
--> statement-breakpoint
CREATE INDEX "memberships_user_id_idx" ON prefiq.memberships ("user_id");
--> statement-breakpoint
CREATE INDEX "memberships_role_idx" ON prefiq.memberships ("tenant_id", "role");
--> statement-breakpoint
GRANT USAGE ON SCHEMA prefiq TO prefiq_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON prefiq.tenants, prefiq.roles, prefiq.memberships TO prefiq_app;
--> statement-breakpoint
-- the member list shows who the members are; nothing else of a user (no hashes, no status dates)
GRANT SELECT ("id", "email", "name") ON prefiq.users TO prefiq_app;
--> statement-breakpoint
-- Tenant isolation, for every role including the owner (FORCE): rows of the tenant the transaction
-- names (app.tenant_id, set per transaction by the data layer). nullif: outside any tenant the
-- setting is '' (or absent), which matches nothing instead of failing the uuid cast. A user also
-- sees their own memberships in every tenant, and those tenants and roles (app.user_id), which is
-- what signing in and switching tenants read.
ALTER TABLE prefiq.tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE prefiq.tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON prefiq.tenants
  USING ("id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY tenants_of_user ON prefiq.tenants FOR SELECT
  USING ("id" IN (
    SELECT m."tenant_id" FROM prefiq.memberships m
     WHERE m."user_id" = nullif(current_setting('app.user_id', true), '')::uuid
  ));
--> statement-breakpoint
ALTER TABLE prefiq.roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE prefiq.roles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON prefiq.roles
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY roles_of_user ON prefiq.roles FOR SELECT
  USING (("tenant_id", "key") IN (
    SELECT m."tenant_id", m."role" FROM prefiq.memberships m
     WHERE m."user_id" = nullif(current_setting('app.user_id', true), '')::uuid
  ));
--> statement-breakpoint
ALTER TABLE prefiq.memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE prefiq.memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON prefiq.memberships
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY memberships_of_user ON prefiq.memberships FOR SELECT
  USING ("user_id" = nullif(current_setting('app.user_id', true), '')::uuid);

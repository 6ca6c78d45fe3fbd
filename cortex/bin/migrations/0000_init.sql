CREATE SCHEMA "cortex";
--> statement-breakpoint
CREATE TABLE "cortex"."app_installations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"app" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	CONSTRAINT "app_installations_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cortex"."member_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"invited_by" uuid NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "member_invitations_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cortex"."tenant_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locale" text NOT NULL,
	"time_zone" text NOT NULL,
	"currency" text NOT NULL,
	"theme" jsonb NOT NULL,
	CONSTRAINT "tenant_settings_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "app_installations_tenant_id_created_at_idx" ON "cortex"."app_installations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "app_installations_app_key" ON "cortex"."app_installations" USING btree ("tenant_id","app");--> statement-breakpoint
CREATE INDEX "member_invitations_tenant_id_created_at_idx" ON "cortex"."member_invitations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "member_invitations_email_status_idx" ON "cortex"."member_invitations" USING btree ("tenant_id","email","status");--> statement-breakpoint
CREATE UNIQUE INDEX "member_invitations_token_hash_key" ON "cortex"."member_invitations" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX "tenant_settings_tenant_id_created_at_idx" ON "cortex"."tenant_settings" USING btree ("tenant_id","created_at","id");
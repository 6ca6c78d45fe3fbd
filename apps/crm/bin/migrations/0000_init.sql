CREATE SCHEMA "crm";
--> statement-breakpoint
CREATE TABLE "crm"."activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"type" text DEFAULT 'task' NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"due_date" date,
	"due_time" text,
	"duration_minutes" integer,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"company_id" uuid,
	"person_id" uuid,
	"deal_id" uuid,
	"assignee_id" uuid,
	CONSTRAINT "activities_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"industry" text,
	"size" text,
	"phone" text,
	"address" jsonb,
	"description" text,
	"owner_id" uuid,
	"tag_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "companies_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"company_id" uuid,
	"primary_contact_id" uuid,
	"amount" bigint,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"rank" double precision,
	"probability" double precision,
	"expected_close_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"lost_reason" text,
	"closed_at" timestamp with time zone,
	"source" text,
	"owner_id" uuid,
	"tag_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "deals_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text,
	"name" text,
	"email" text,
	"other_emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"job_title" text,
	"company_id" uuid,
	"linkedin_url" text,
	"source" text,
	"owner_id" uuid,
	"tag_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "people_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."pipelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	CONSTRAINT "pipelines_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" double precision NOT NULL,
	CONSTRAINT "stages_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm"."tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'gray' NOT NULL,
	"description" text,
	CONSTRAINT "tags_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_company_id_fkey" FOREIGN KEY ("tenant_id","company_id") REFERENCES "crm"."companies"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_person_id_fkey" FOREIGN KEY ("tenant_id","person_id") REFERENCES "crm"."people"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_deal_id_fkey" FOREIGN KEY ("tenant_id","deal_id") REFERENCES "crm"."deals"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_company_id_fkey" FOREIGN KEY ("tenant_id","company_id") REFERENCES "crm"."companies"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_primary_contact_id_fkey" FOREIGN KEY ("tenant_id","primary_contact_id") REFERENCES "crm"."people"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_pipeline_id_fkey" FOREIGN KEY ("tenant_id","pipeline_id") REFERENCES "crm"."pipelines"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_stage_id_fkey" FOREIGN KEY ("tenant_id","stage_id") REFERENCES "crm"."stages"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."people" ADD CONSTRAINT "people_company_id_fkey" FOREIGN KEY ("tenant_id","company_id") REFERENCES "crm"."companies"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."stages" ADD CONSTRAINT "stages_pipeline_id_fkey" FOREIGN KEY ("tenant_id","pipeline_id") REFERENCES "crm"."pipelines"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_tenant_id_created_at_idx" ON "crm"."activities" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "activities_assignee_id_done_due_date_idx" ON "crm"."activities" USING btree ("tenant_id","assignee_id","done","due_date");--> statement-breakpoint
CREATE INDEX "activities_company_id_idx" ON "crm"."activities" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "activities_person_id_idx" ON "crm"."activities" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "activities_deal_id_idx" ON "crm"."activities" USING btree ("tenant_id","deal_id");--> statement-breakpoint
CREATE INDEX "companies_tenant_id_created_at_idx" ON "crm"."companies" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "companies_owner_id_idx" ON "crm"."companies" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "companies_industry_idx" ON "crm"."companies" USING btree ("tenant_id","industry");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_domain_key" ON "crm"."companies" USING btree ("tenant_id","domain") WHERE "crm"."companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_tenant_id_created_at_idx" ON "crm"."deals" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "deals_pipeline_id_stage_id_rank_idx" ON "crm"."deals" USING btree ("tenant_id","pipeline_id","stage_id","rank");--> statement-breakpoint
CREATE INDEX "deals_stage_id_idx" ON "crm"."deals" USING btree ("tenant_id","stage_id");--> statement-breakpoint
CREATE INDEX "deals_company_id_idx" ON "crm"."deals" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "deals_primary_contact_id_idx" ON "crm"."deals" USING btree ("tenant_id","primary_contact_id");--> statement-breakpoint
CREATE INDEX "deals_owner_id_status_idx" ON "crm"."deals" USING btree ("tenant_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "deals_status_expected_close_date_idx" ON "crm"."deals" USING btree ("tenant_id","status","expected_close_date");--> statement-breakpoint
CREATE INDEX "people_tenant_id_created_at_idx" ON "crm"."people" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "people_company_id_idx" ON "crm"."people" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "people_owner_id_idx" ON "crm"."people" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "people_email_idx" ON "crm"."people" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "pipelines_tenant_id_created_at_idx" ON "crm"."pipelines" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "pipelines_position_idx" ON "crm"."pipelines" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "pipelines_name_key" ON "crm"."pipelines" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "stages_tenant_id_created_at_idx" ON "crm"."stages" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "stages_pipeline_id_position_idx" ON "crm"."stages" USING btree ("tenant_id","pipeline_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "stages_pipeline_id_name_key" ON "crm"."stages" USING btree ("tenant_id","pipeline_id","name");--> statement-breakpoint
CREATE INDEX "tags_tenant_id_created_at_idx" ON "crm"."tags" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tags_name_key" ON "crm"."tags" USING btree ("tenant_id","name");
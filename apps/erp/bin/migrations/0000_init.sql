CREATE SCHEMA "erp";
--> statement-breakpoint
CREATE TABLE "erp"."accounting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fiscal_year_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"revalued_at" timestamp with time zone,
	CONSTRAINT "accounting_periods_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parent_id" uuid,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"root_type" text NOT NULL,
	"account_type" text DEFAULT 'other' NOT NULL,
	"is_group" boolean DEFAULT false NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	"currency" text,
	CONSTRAINT "accounts_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."company_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"singleton" text DEFAULT 'company' NOT NULL,
	"company_name" text NOT NULL,
	"base_currency" text NOT NULL,
	"lock_date" date,
	"allow_negative_stock" boolean DEFAULT false NOT NULL,
	"default_valuation" text DEFAULT 'moving-average' NOT NULL,
	"receivable_account_id" uuid,
	"payable_account_id" uuid,
	"stock_account_id" uuid,
	"cogs_account_id" uuid,
	"stock_adjustment_account_id" uuid,
	"stock_received_not_billed_account_id" uuid,
	"exchange_gain_loss_account_id" uuid,
	"round_off_account_id" uuid,
	"retained_earnings_account_id" uuid,
	"bank_account_id" uuid,
	"sales_account_id" uuid,
	"purchase_account_id" uuid,
	"sales_tax_account_id" uuid,
	"purchase_tax_account_id" uuid,
	CONSTRAINT "company_settings_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."cost_centers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"is_group" boolean DEFAULT false NOT NULL,
	CONSTRAINT "cost_centers_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."currencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"exponent" integer NOT NULL,
	CONSTRAINT "currencies_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."exchange_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"currency" text NOT NULL,
	"date" date NOT NULL,
	"rate_nano" bigint NOT NULL,
	CONSTRAINT "exchange_rates_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."fiscal_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "fiscal_years_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"uom" text DEFAULT 'pcs' NOT NULL,
	"valuation" text DEFAULT 'moving-average' NOT NULL,
	"sale_price" bigint,
	"sale_price_currency" text,
	"reorder_level" integer DEFAULT 0 NOT NULL,
	"reorder_qty" integer DEFAULT 0 NOT NULL,
	"allow_negative_stock" boolean DEFAULT false NOT NULL,
	"income_account_id" uuid,
	"expense_account_id" uuid,
	CONSTRAINT "items_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"posting_date" date NOT NULL,
	"memo" text,
	"currency" text NOT NULL,
	"rate_nano" bigint DEFAULT 1000000000 NOT NULL,
	"lines" jsonb NOT NULL,
	"total_debit" bigint DEFAULT 0 NOT NULL,
	"total_credit" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "journal_entries_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"tax_id" text,
	"currency" text NOT NULL,
	"account_id" uuid,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	CONSTRAINT "parties_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"direction" text NOT NULL,
	"party_id" uuid NOT NULL,
	"posting_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"rate_nano" bigint DEFAULT 1000000000 NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"reference" text,
	"allocations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "payments_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."purchase_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"return_against_id" uuid,
	"party_id" uuid NOT NULL,
	"posting_date" date NOT NULL,
	"due_date" date NOT NULL,
	"currency" text NOT NULL,
	"rate_nano" bigint DEFAULT 1000000000 NOT NULL,
	"reference" text,
	"lines" jsonb NOT NULL,
	"net" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "purchase_invoices_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."sales_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"return_against_id" uuid,
	"party_id" uuid NOT NULL,
	"posting_date" date NOT NULL,
	"due_date" date NOT NULL,
	"currency" text NOT NULL,
	"rate_nano" bigint DEFAULT 1000000000 NOT NULL,
	"reference" text,
	"lines" jsonb NOT NULL,
	"net" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "sales_invoices_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."stock_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text,
	"kind" text NOT NULL,
	"posting_date" date NOT NULL,
	"offset_account_id" uuid,
	"memo" text,
	"lines" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "stock_entries_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "erp"."warehouses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"is_group" boolean DEFAULT false NOT NULL,
	"stock_account_id" uuid,
	CONSTRAINT "warehouses_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "erp"."accounting_periods" ADD CONSTRAINT "accounting_periods_fiscal_year_id_fkey" FOREIGN KEY ("tenant_id","fiscal_year_id") REFERENCES "erp"."fiscal_years"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."accounts" ADD CONSTRAINT "accounts_parent_id_fkey" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_receivable_account_id_fkey" FOREIGN KEY ("tenant_id","receivable_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_payable_account_id_fkey" FOREIGN KEY ("tenant_id","payable_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_stock_account_id_fkey" FOREIGN KEY ("tenant_id","stock_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_cogs_account_id_fkey" FOREIGN KEY ("tenant_id","cogs_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_stock_adjustment_account_id_fkey" FOREIGN KEY ("tenant_id","stock_adjustment_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_stock_received_not_billed_account_id_fkey" FOREIGN KEY ("tenant_id","stock_received_not_billed_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_exchange_gain_loss_account_id_fkey" FOREIGN KEY ("tenant_id","exchange_gain_loss_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_round_off_account_id_fkey" FOREIGN KEY ("tenant_id","round_off_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_retained_earnings_account_id_fkey" FOREIGN KEY ("tenant_id","retained_earnings_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_bank_account_id_fkey" FOREIGN KEY ("tenant_id","bank_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_sales_account_id_fkey" FOREIGN KEY ("tenant_id","sales_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_purchase_account_id_fkey" FOREIGN KEY ("tenant_id","purchase_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_sales_tax_account_id_fkey" FOREIGN KEY ("tenant_id","sales_tax_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."company_settings" ADD CONSTRAINT "company_settings_purchase_tax_account_id_fkey" FOREIGN KEY ("tenant_id","purchase_tax_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."cost_centers" ADD CONSTRAINT "cost_centers_parent_id_fkey" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "erp"."cost_centers"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."items" ADD CONSTRAINT "items_income_account_id_fkey" FOREIGN KEY ("tenant_id","income_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."items" ADD CONSTRAINT "items_expense_account_id_fkey" FOREIGN KEY ("tenant_id","expense_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."parties" ADD CONSTRAINT "parties_account_id_fkey" FOREIGN KEY ("tenant_id","account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."payments" ADD CONSTRAINT "payments_party_id_fkey" FOREIGN KEY ("tenant_id","party_id") REFERENCES "erp"."parties"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."payments" ADD CONSTRAINT "payments_bank_account_id_fkey" FOREIGN KEY ("tenant_id","bank_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."purchase_invoices" ADD CONSTRAINT "purchase_invoices_return_against_id_fkey" FOREIGN KEY ("tenant_id","return_against_id") REFERENCES "erp"."purchase_invoices"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."purchase_invoices" ADD CONSTRAINT "purchase_invoices_party_id_fkey" FOREIGN KEY ("tenant_id","party_id") REFERENCES "erp"."parties"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."sales_invoices" ADD CONSTRAINT "sales_invoices_return_against_id_fkey" FOREIGN KEY ("tenant_id","return_against_id") REFERENCES "erp"."sales_invoices"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."sales_invoices" ADD CONSTRAINT "sales_invoices_party_id_fkey" FOREIGN KEY ("tenant_id","party_id") REFERENCES "erp"."parties"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."stock_entries" ADD CONSTRAINT "stock_entries_offset_account_id_fkey" FOREIGN KEY ("tenant_id","offset_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."warehouses" ADD CONSTRAINT "warehouses_parent_id_fkey" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "erp"."warehouses"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erp"."warehouses" ADD CONSTRAINT "warehouses_stock_account_id_fkey" FOREIGN KEY ("tenant_id","stock_account_id") REFERENCES "erp"."accounts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounting_periods_tenant_id_created_at_idx" ON "erp"."accounting_periods" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "accounting_periods_fiscal_year_id_idx" ON "erp"."accounting_periods" USING btree ("tenant_id","fiscal_year_id");--> statement-breakpoint
CREATE INDEX "accounting_periods_start_date_end_date_idx" ON "erp"."accounting_periods" USING btree ("tenant_id","start_date","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_periods_start_date_key" ON "erp"."accounting_periods" USING btree ("tenant_id","start_date");--> statement-breakpoint
CREATE INDEX "accounts_tenant_id_created_at_idx" ON "erp"."accounts" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "accounts_parent_id_idx" ON "erp"."accounts" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_number_key" ON "erp"."accounts" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "company_settings_tenant_id_created_at_idx" ON "erp"."company_settings" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "company_settings_singleton_key" ON "erp"."company_settings" USING btree ("tenant_id","singleton");--> statement-breakpoint
CREATE INDEX "cost_centers_tenant_id_created_at_idx" ON "erp"."cost_centers" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cost_centers_parent_id_idx" ON "erp"."cost_centers" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cost_centers_name_key" ON "erp"."cost_centers" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "currencies_tenant_id_created_at_idx" ON "erp"."currencies" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "currencies_code_key" ON "erp"."currencies" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "exchange_rates_tenant_id_created_at_idx" ON "erp"."exchange_rates" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_currency_date_key" ON "erp"."exchange_rates" USING btree ("tenant_id","currency","date");--> statement-breakpoint
CREATE INDEX "fiscal_years_tenant_id_created_at_idx" ON "erp"."fiscal_years" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "fiscal_years_start_date_idx" ON "erp"."fiscal_years" USING btree ("tenant_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_years_name_key" ON "erp"."fiscal_years" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "items_tenant_id_created_at_idx" ON "erp"."items" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "items_sku_key" ON "erp"."items" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE INDEX "journal_entries_tenant_id_created_at_idx" ON "erp"."journal_entries" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "journal_entries_posting_date_idx" ON "erp"."journal_entries" USING btree ("tenant_id","posting_date");--> statement-breakpoint
CREATE INDEX "journal_entries_status_idx" ON "erp"."journal_entries" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "parties_tenant_id_created_at_idx" ON "erp"."parties" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "parties_kind_name_idx" ON "erp"."parties" USING btree ("tenant_id","kind","name");--> statement-breakpoint
CREATE INDEX "payments_tenant_id_created_at_idx" ON "erp"."payments" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_party_id_posting_date_idx" ON "erp"."payments" USING btree ("tenant_id","party_id","posting_date");--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "erp"."payments" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "purchase_invoices_tenant_id_created_at_idx" ON "erp"."purchase_invoices" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "purchase_invoices_party_id_posting_date_idx" ON "erp"."purchase_invoices" USING btree ("tenant_id","party_id","posting_date");--> statement-breakpoint
CREATE INDEX "purchase_invoices_posting_date_idx" ON "erp"."purchase_invoices" USING btree ("tenant_id","posting_date");--> statement-breakpoint
CREATE INDEX "purchase_invoices_status_idx" ON "erp"."purchase_invoices" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "sales_invoices_tenant_id_created_at_idx" ON "erp"."sales_invoices" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sales_invoices_party_id_posting_date_idx" ON "erp"."sales_invoices" USING btree ("tenant_id","party_id","posting_date");--> statement-breakpoint
CREATE INDEX "sales_invoices_posting_date_idx" ON "erp"."sales_invoices" USING btree ("tenant_id","posting_date");--> statement-breakpoint
CREATE INDEX "sales_invoices_status_idx" ON "erp"."sales_invoices" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "stock_entries_tenant_id_created_at_idx" ON "erp"."stock_entries" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "stock_entries_posting_date_idx" ON "erp"."stock_entries" USING btree ("tenant_id","posting_date");--> statement-breakpoint
CREATE INDEX "stock_entries_status_idx" ON "erp"."stock_entries" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "warehouses_tenant_id_created_at_idx" ON "erp"."warehouses" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "warehouses_parent_id_idx" ON "erp"."warehouses" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_name_key" ON "erp"."warehouses" USING btree ("tenant_id","name");
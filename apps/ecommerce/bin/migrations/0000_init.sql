CREATE SCHEMA "ecommerce";
--> statement-breakpoint
CREATE TABLE "ecommerce"."carts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_id" uuid,
	"email" text,
	"currency" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shipping_address" jsonb,
	CONSTRAINT "carts_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"handle" text,
	"parent_id" uuid,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "categories_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"handle" text,
	"description" text,
	CONSTRAINT "collections_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."customer_groups" (
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
	CONSTRAINT "customer_groups_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"name" text,
	"phone" text,
	"group_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accepts_marketing" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "customers_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."inventory_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"variant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"stocked" bigint NOT NULL,
	"reserved" bigint DEFAULT 0 NOT NULL,
	"available" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "inventory_levels_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number" text NOT NULL,
	"cart_id" uuid,
	"customer_id" uuid,
	"email" text,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"lines" jsonb NOT NULL,
	"subtotal" bigint NOT NULL,
	"total" bigint NOT NULL,
	"shipping_address" jsonb,
	"timeline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	CONSTRAINT "orders_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"order_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'authorized' NOT NULL,
	"amount" bigint NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	CONSTRAINT "payments_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"customer_group_id" uuid,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"priority" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "price_lists_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"price_list_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "prices_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"handle" text,
	"description" text,
	"brand" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"category_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"collection_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "products_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."promotions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"kind" text DEFAULT 'percentage' NOT NULL,
	"target" text DEFAULT 'order' NOT NULL,
	"percent_bp" integer,
	"amount" bigint,
	"currency" text,
	"buy_quantity" integer,
	"get_quantity" integer,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"condition" jsonb,
	"priority" integer DEFAULT 0 NOT NULL,
	"exclusive" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"usage_limit" integer,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"budget" bigint,
	"budget_used" bigint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "promotions_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tax_inclusive" boolean DEFAULT true NOT NULL,
	"tax_rounding" text DEFAULT 'line' NOT NULL,
	CONSTRAINT "regions_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"inventory_level_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"cart_id" uuid,
	"order_id" uuid,
	"quantity" integer NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "reservations_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."shop_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"singleton" text DEFAULT 'shop' NOT NULL,
	"currencies" jsonb DEFAULT '["EUR","USD"]'::jsonb NOT NULL,
	"reservation_timing" text DEFAULT 'checkout' NOT NULL,
	"cart_hold_minutes" integer DEFAULT 15 NOT NULL,
	CONSTRAINT "shop_settings_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."stock_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "stock_locations_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."tax_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"category_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "tax_rates_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ecommerce"."variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"product_id" uuid NOT NULL,
	"title" text,
	"sku" text,
	"barcode" text,
	"option_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"option_key" text,
	"weight_grams" integer,
	"images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "variants_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "ecommerce"."carts" ADD CONSTRAINT "carts_customer_id_fkey" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "ecommerce"."customers"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."categories" ADD CONSTRAINT "categories_parent_id_fkey" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "ecommerce"."categories"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."inventory_levels" ADD CONSTRAINT "inventory_levels_variant_id_fkey" FOREIGN KEY ("tenant_id","variant_id") REFERENCES "ecommerce"."variants"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."inventory_levels" ADD CONSTRAINT "inventory_levels_location_id_fkey" FOREIGN KEY ("tenant_id","location_id") REFERENCES "ecommerce"."stock_locations"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."orders" ADD CONSTRAINT "orders_cart_id_fkey" FOREIGN KEY ("tenant_id","cart_id") REFERENCES "ecommerce"."carts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "ecommerce"."customers"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "ecommerce"."orders"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."price_lists" ADD CONSTRAINT "price_lists_customer_group_id_fkey" FOREIGN KEY ("tenant_id","customer_group_id") REFERENCES "ecommerce"."customer_groups"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."prices" ADD CONSTRAINT "prices_price_list_id_fkey" FOREIGN KEY ("tenant_id","price_list_id") REFERENCES "ecommerce"."price_lists"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."prices" ADD CONSTRAINT "prices_variant_id_fkey" FOREIGN KEY ("tenant_id","variant_id") REFERENCES "ecommerce"."variants"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."reservations" ADD CONSTRAINT "reservations_inventory_level_id_fkey" FOREIGN KEY ("tenant_id","inventory_level_id") REFERENCES "ecommerce"."inventory_levels"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."reservations" ADD CONSTRAINT "reservations_variant_id_fkey" FOREIGN KEY ("tenant_id","variant_id") REFERENCES "ecommerce"."variants"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."reservations" ADD CONSTRAINT "reservations_cart_id_fkey" FOREIGN KEY ("tenant_id","cart_id") REFERENCES "ecommerce"."carts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."reservations" ADD CONSTRAINT "reservations_order_id_fkey" FOREIGN KEY ("tenant_id","order_id") REFERENCES "ecommerce"."orders"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."tax_rates" ADD CONSTRAINT "tax_rates_region_id_fkey" FOREIGN KEY ("tenant_id","region_id") REFERENCES "ecommerce"."regions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce"."variants" ADD CONSTRAINT "variants_product_id_fkey" FOREIGN KEY ("tenant_id","product_id") REFERENCES "ecommerce"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carts_tenant_id_created_at_idx" ON "ecommerce"."carts" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "carts_customer_id_idx" ON "ecommerce"."carts" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "categories_tenant_id_created_at_idx" ON "ecommerce"."categories" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "categories_parent_id_idx" ON "ecommerce"."categories" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_handle_key" ON "ecommerce"."categories" USING btree ("tenant_id","handle");--> statement-breakpoint
CREATE INDEX "collections_tenant_id_created_at_idx" ON "ecommerce"."collections" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "collections_handle_key" ON "ecommerce"."collections" USING btree ("tenant_id","handle");--> statement-breakpoint
CREATE INDEX "customer_groups_tenant_id_created_at_idx" ON "ecommerce"."customer_groups" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_groups_name_key" ON "ecommerce"."customer_groups" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "customers_tenant_id_created_at_idx" ON "ecommerce"."customers" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_email_key" ON "ecommerce"."customers" USING btree ("tenant_id","email") WHERE "ecommerce"."customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "inventory_levels_tenant_id_created_at_idx" ON "ecommerce"."inventory_levels" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "inventory_levels_location_id_idx" ON "ecommerce"."inventory_levels" USING btree ("tenant_id","location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_levels_variant_id_location_id_key" ON "ecommerce"."inventory_levels" USING btree ("tenant_id","variant_id","location_id");--> statement-breakpoint
CREATE INDEX "orders_tenant_id_created_at_idx" ON "ecommerce"."orders" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_customer_id_idx" ON "ecommerce"."orders" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "ecommerce"."orders" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_key" ON "ecommerce"."orders" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "payments_tenant_id_created_at_idx" ON "ecommerce"."payments" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_order_id_idx" ON "ecommerce"."payments" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference_key" ON "ecommerce"."payments" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE INDEX "price_lists_tenant_id_created_at_idx" ON "ecommerce"."price_lists" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "price_lists_currency_idx" ON "ecommerce"."price_lists" USING btree ("tenant_id","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "price_lists_name_key" ON "ecommerce"."price_lists" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "prices_tenant_id_created_at_idx" ON "ecommerce"."prices" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "prices_variant_id_idx" ON "ecommerce"."prices" USING btree ("tenant_id","variant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prices_price_list_id_variant_id_min_quantity_key" ON "ecommerce"."prices" USING btree ("tenant_id","price_list_id","variant_id","min_quantity");--> statement-breakpoint
CREATE INDEX "products_tenant_id_created_at_idx" ON "ecommerce"."products" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "products_status_idx" ON "ecommerce"."products" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "products_brand_idx" ON "ecommerce"."products" USING btree ("tenant_id","brand");--> statement-breakpoint
CREATE UNIQUE INDEX "products_handle_key" ON "ecommerce"."products" USING btree ("tenant_id","handle");--> statement-breakpoint
CREATE INDEX "promotions_tenant_id_created_at_idx" ON "ecommerce"."promotions" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotions_code_key" ON "ecommerce"."promotions" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "regions_tenant_id_created_at_idx" ON "ecommerce"."regions" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_name_key" ON "ecommerce"."regions" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "reservations_tenant_id_created_at_idx" ON "ecommerce"."reservations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reservations_cart_id_idx" ON "ecommerce"."reservations" USING btree ("tenant_id","cart_id");--> statement-breakpoint
CREATE INDEX "reservations_order_id_idx" ON "ecommerce"."reservations" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "reservations_expires_at_idx" ON "ecommerce"."reservations" USING btree ("tenant_id","expires_at");--> statement-breakpoint
CREATE INDEX "reservations_inventory_level_id_idx" ON "ecommerce"."reservations" USING btree ("tenant_id","inventory_level_id");--> statement-breakpoint
CREATE INDEX "shop_settings_tenant_id_created_at_idx" ON "ecommerce"."shop_settings" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "shop_settings_singleton_key" ON "ecommerce"."shop_settings" USING btree ("tenant_id","singleton");--> statement-breakpoint
CREATE INDEX "stock_locations_tenant_id_created_at_idx" ON "ecommerce"."stock_locations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_locations_code_key" ON "ecommerce"."stock_locations" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "tax_rates_tenant_id_created_at_idx" ON "ecommerce"."tax_rates" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tax_rates_region_id_idx" ON "ecommerce"."tax_rates" USING btree ("tenant_id","region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_region_id_name_key" ON "ecommerce"."tax_rates" USING btree ("tenant_id","region_id","name");--> statement-breakpoint
CREATE INDEX "variants_tenant_id_created_at_idx" ON "ecommerce"."variants" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "variants_product_id_idx" ON "ecommerce"."variants" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "variants_sku_key" ON "ecommerce"."variants" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE UNIQUE INDEX "variants_barcode_key" ON "ecommerce"."variants" USING btree ("tenant_id","barcode");--> statement-breakpoint
CREATE UNIQUE INDEX "variants_product_id_option_key_key" ON "ecommerce"."variants" USING btree ("tenant_id","product_id","option_key");
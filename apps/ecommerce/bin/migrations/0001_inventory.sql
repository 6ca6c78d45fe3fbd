-- Inventory that never oversells (issue 16): hand-written, after the generated tables.
-- Reserving is one conditional UPDATE (reserved = reserved + q WHERE stocked - reserved >= q), and
-- this CHECK makes any write that would leave more reserved than stocked fail, whoever makes it
-- (a reservation, a merchant lowering stock, a bug): overselling is refused by the database.
ALTER TABLE "ecommerce"."inventory_levels"
  ADD CONSTRAINT "inventory_levels_reserved_within_stocked" CHECK ("reserved" >= 0 AND "reserved" <= "stocked");
--> statement-breakpoint
-- available = stocked - reserved, kept by the database on every write (never taken from a client)
CREATE FUNCTION "ecommerce"."inventory_levels_available"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."available" := NEW."stocked" - NEW."reserved";
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "inventory_levels_available"
  BEFORE INSERT OR UPDATE OF "stocked", "reserved", "available" ON "ecommerce"."inventory_levels"
  FOR EACH ROW EXECUTE FUNCTION "ecommerce"."inventory_levels_available"();
--> statement-breakpoint
ALTER TABLE "ecommerce"."reservations"
  ADD CONSTRAINT "reservations_quantity_positive" CHECK ("quantity" > 0);
--> statement-breakpoint
-- the checkout reserves a variant from the active locations with stock left, lowest priority first
CREATE INDEX "inventory_levels_variant_available_idx"
  ON "ecommerce"."inventory_levels" ("tenant_id", "variant_id") WHERE "stocked" > "reserved";

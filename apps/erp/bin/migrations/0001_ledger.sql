-- The ERP's facts and projections (ADR 0027 §2, §4-§7): hand-written, after the generated tables.
-- Facts (gl_entries, stock_moves) are append-only: prefiq.refuse_change() refuses UPDATE, DELETE
-- and TRUNCATE for every role, and ensureRowLevelSecurity grants the tenant role SELECT and INSERT
-- only. Projections (account_period_totals, open_items, bins, stock_valuation, fifo_layers) are
-- derived from the facts in the same transaction and can be rebuilt from them.

CREATE TABLE "erp"."gl_entries" (
  "tenant_id" uuid NOT NULL,
  "id" bigint GENERATED ALWAYS AS IDENTITY,
  "voucher_type" text NOT NULL,
  "voucher_id" uuid NOT NULL,
  "voucher_no" text NOT NULL,
  "posting_date" date NOT NULL,
  "period_id" uuid NOT NULL,
  "account_id" uuid NOT NULL,
  "party_id" uuid,
  "cost_center_id" uuid,
  "against_voucher_id" uuid,
  "due_date" date,
  "debit" bigint NOT NULL DEFAULT 0,
  "credit" bigint NOT NULL DEFAULT 0,
  "currency" char(3) NOT NULL,
  "debit_fc" bigint NOT NULL DEFAULT 0,
  "credit_fc" bigint NOT NULL DEFAULT 0,
  "rate_nano" bigint NOT NULL,
  "reverses_id" bigint,
  "remarks" text,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "created_by" uuid,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "gl_entries_amounts_not_negative" CHECK ("debit" >= 0 AND "credit" >= 0 AND "debit_fc" >= 0 AND "credit_fc" >= 0),
  CONSTRAINT "gl_entries_one_side" CHECK ("debit" = 0 OR "credit" = 0),
  CONSTRAINT "gl_entries_not_empty" CHECK ("debit" + "credit" + "debit_fc" + "credit_fc" > 0),
  CONSTRAINT "gl_entries_account_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "erp"."accounts" ("tenant_id", "id"),
  CONSTRAINT "gl_entries_period_fkey" FOREIGN KEY ("tenant_id", "period_id") REFERENCES "erp"."accounting_periods" ("tenant_id", "id"),
  CONSTRAINT "gl_entries_party_fkey" FOREIGN KEY ("tenant_id", "party_id") REFERENCES "erp"."parties" ("tenant_id", "id"),
  CONSTRAINT "gl_entries_cost_center_fkey" FOREIGN KEY ("tenant_id", "cost_center_id") REFERENCES "erp"."cost_centers" ("tenant_id", "id")
);
--> statement-breakpoint
CREATE INDEX "gl_entries_voucher_idx" ON "erp"."gl_entries" ("tenant_id", "voucher_id");
--> statement-breakpoint
CREATE INDEX "gl_entries_date_idx" ON "erp"."gl_entries" ("tenant_id", "posting_date", "account_id") INCLUDE ("debit", "credit");
--> statement-breakpoint
CREATE INDEX "gl_entries_account_idx" ON "erp"."gl_entries" ("tenant_id", "account_id", "posting_date", "id");
--> statement-breakpoint
CREATE INDEX "gl_entries_against_idx" ON "erp"."gl_entries" ("tenant_id", "against_voucher_id") WHERE "against_voucher_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "gl_entries_party_idx" ON "erp"."gl_entries" ("tenant_id", "party_id", "posting_date") WHERE "party_id" IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER "gl_entries_append_only" BEFORE UPDATE OR DELETE ON "erp"."gl_entries"
  FOR EACH ROW EXECUTE FUNCTION prefiq.refuse_change();
--> statement-breakpoint
CREATE TRIGGER "gl_entries_no_truncate" BEFORE TRUNCATE ON "erp"."gl_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION prefiq.refuse_change();
--> statement-breakpoint
-- Whoever writes: no group or frozen account, a party on receivable and payable accounts, a period that is
-- open and holds the posting date, and a date after the lock date. Each refusal is a check
-- violation named after the rule, which the posting service maps to the app's error codes.
CREATE FUNCTION "erp"."gl_entry_guard"() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  account record;
  period record;
  lock_date date;
BEGIN
  SELECT a.is_group, a.frozen, a.account_type INTO account
    FROM erp.accounts a WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.account_id;
  IF FOUND AND (account.is_group OR account.frozen) THEN
    RAISE EXCEPTION 'account % is a group or frozen account and takes no postings', NEW.account_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'gl_account_postable';
  END IF;
  IF FOUND AND account.account_type IN ('receivable', 'payable') AND NEW.party_id IS NULL THEN
    RAISE EXCEPTION 'account % is a % account: the row needs a party', NEW.account_id, account.account_type
      USING ERRCODE = 'check_violation', CONSTRAINT = 'gl_party_required';
  END IF;
  SELECT p.status, p.start_date, p.end_date INTO period
    FROM erp.accounting_periods p WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.period_id;
  IF NOT FOUND OR period.status <> 'open' OR NEW.posting_date NOT BETWEEN period.start_date AND period.end_date THEN
    RAISE EXCEPTION 'posting date % is not in an open period', NEW.posting_date
      USING ERRCODE = 'check_violation', CONSTRAINT = 'gl_period_open';
  END IF;
  SELECT s.lock_date INTO lock_date FROM erp.company_settings s WHERE s.tenant_id = NEW.tenant_id;
  IF lock_date IS NOT NULL AND NEW.posting_date <= lock_date THEN
    RAISE EXCEPTION 'posting date % is on or before the lock date %', NEW.posting_date, lock_date
      USING ERRCODE = 'check_violation', CONSTRAINT = 'gl_after_lock_date';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "gl_entries_guard" BEFORE INSERT ON "erp"."gl_entries"
  FOR EACH ROW EXECUTE FUNCTION "erp"."gl_entry_guard"();
--> statement-breakpoint
-- Debits equal credits per voucher, in the base currency, checked at COMMIT (or at SET CONSTRAINTS
-- … IMMEDIATE): the backstop behind the rule in core/ and the round-off row.
CREATE FUNCTION "erp"."gl_voucher_balanced"() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  diff numeric;
BEGIN
  SELECT coalesce(sum(debit), 0) - coalesce(sum(credit), 0) INTO diff
    FROM erp.gl_entries WHERE tenant_id = NEW.tenant_id AND voucher_id = NEW.voucher_id;
  IF diff <> 0 THEN
    RAISE EXCEPTION 'voucher % does not balance (% minor units)', NEW.voucher_id, diff
      USING ERRCODE = 'check_violation', CONSTRAINT = 'gl_voucher_balanced';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "gl_voucher_balanced" AFTER INSERT ON "erp"."gl_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "erp"."gl_voucher_balanced"();
--> statement-breakpoint
-- Movement per (period, account): what the reports read instead of the whole ledger.
CREATE TABLE "erp"."account_period_totals" (
  "tenant_id" uuid NOT NULL,
  "period_id" uuid NOT NULL,
  "account_id" uuid NOT NULL,
  "debit" bigint NOT NULL DEFAULT 0,
  "credit" bigint NOT NULL DEFAULT 0,
  PRIMARY KEY ("tenant_id", "period_id", "account_id")
);
--> statement-breakpoint
-- What each invoice, credit note or advance still owes: debit − credit of the receivable and
-- payable rows against it (> 0 owed to the company, < 0 owed by it).
CREATE TABLE "erp"."open_items" (
  "tenant_id" uuid NOT NULL,
  "voucher_id" uuid NOT NULL,
  "party_id" uuid NOT NULL,
  "account_id" uuid NOT NULL,
  "currency" char(3) NOT NULL,
  "due_date" date,
  "balance" bigint NOT NULL DEFAULT 0,
  "balance_fc" bigint NOT NULL DEFAULT 0,
  PRIMARY KEY ("tenant_id", "voucher_id")
);
--> statement-breakpoint
CREATE INDEX "open_items_party_idx" ON "erp"."open_items" ("tenant_id", "party_id") WHERE "balance" <> 0;
--> statement-breakpoint
CREATE FUNCTION "erp"."gl_entries_project"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO erp.account_period_totals AS t (tenant_id, period_id, account_id, debit, credit)
  SELECT tenant_id, period_id, account_id, sum(debit), sum(credit) FROM inserted
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, period_id, account_id)
  DO UPDATE SET debit = t.debit + excluded.debit, credit = t.credit + excluded.credit;
  INSERT INTO erp.open_items AS o (tenant_id, voucher_id, party_id, account_id, currency, due_date, balance, balance_fc)
  SELECT i.tenant_id, i.against_voucher_id, min(i.party_id::text)::uuid, min(i.account_id::text)::uuid, min(i.currency),
         max(i.due_date), sum(i.debit - i.credit), sum(i.debit_fc - i.credit_fc)
    FROM inserted i JOIN erp.accounts a ON a.tenant_id = i.tenant_id AND a.id = i.account_id
   WHERE i.against_voucher_id IS NOT NULL AND i.party_id IS NOT NULL AND a.account_type IN ('receivable', 'payable')
   GROUP BY i.tenant_id, i.against_voucher_id ORDER BY 1, 2
  ON CONFLICT (tenant_id, voucher_id)
  DO UPDATE SET balance = o.balance + excluded.balance, balance_fc = o.balance_fc + excluded.balance_fc,
                due_date = coalesce(o.due_date, excluded.due_date);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "gl_entries_project" AFTER INSERT ON "erp"."gl_entries"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "erp"."gl_entries_project"();
--> statement-breakpoint
-- The stock ledger: one row per item, warehouse and voucher line; qty signed, whole stock units.
CREATE TABLE "erp"."stock_moves" (
  "tenant_id" uuid NOT NULL,
  "id" bigint GENERATED ALWAYS AS IDENTITY,
  "voucher_type" text NOT NULL,
  "voucher_id" uuid NOT NULL,
  "voucher_no" text NOT NULL,
  "line_no" integer NOT NULL,
  "item_id" uuid NOT NULL,
  "warehouse_id" uuid NOT NULL,
  "posting_date" date NOT NULL,
  "qty" bigint NOT NULL,
  "incoming_value" bigint,
  "reverses_id" bigint,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "created_by" uuid,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "stock_moves_qty_not_zero" CHECK ("qty" <> 0),
  CONSTRAINT "stock_moves_incoming_value_not_negative" CHECK ("incoming_value" IS NULL OR "incoming_value" >= 0),
  CONSTRAINT "stock_moves_item_fkey" FOREIGN KEY ("tenant_id", "item_id") REFERENCES "erp"."items" ("tenant_id", "id"),
  CONSTRAINT "stock_moves_warehouse_fkey" FOREIGN KEY ("tenant_id", "warehouse_id") REFERENCES "erp"."warehouses" ("tenant_id", "id")
);
--> statement-breakpoint
CREATE INDEX "stock_moves_seq_idx" ON "erp"."stock_moves" ("tenant_id", "item_id", "warehouse_id", "posting_date", "id");
--> statement-breakpoint
CREATE INDEX "stock_moves_voucher_idx" ON "erp"."stock_moves" ("tenant_id", "voucher_id");
--> statement-breakpoint
CREATE TRIGGER "stock_moves_append_only" BEFORE UPDATE OR DELETE ON "erp"."stock_moves"
  FOR EACH ROW EXECUTE FUNCTION prefiq.refuse_change();
--> statement-breakpoint
CREATE TRIGGER "stock_moves_no_truncate" BEFORE TRUNCATE ON "erp"."stock_moves"
  FOR EACH STATEMENT EXECUTE FUNCTION prefiq.refuse_change();
--> statement-breakpoint
-- One row per (item, warehouse): the quantity and value on hand, and the row every move locks.
CREATE TABLE "erp"."bins" (
  "tenant_id" uuid NOT NULL,
  "item_id" uuid NOT NULL,
  "warehouse_id" uuid NOT NULL,
  "qty" bigint NOT NULL DEFAULT 0,
  "value" bigint NOT NULL DEFAULT 0,
  "fifo_in_qty" bigint NOT NULL DEFAULT 0,
  "fifo_out_qty" bigint NOT NULL DEFAULT 0,
  PRIMARY KEY ("tenant_id", "item_id", "warehouse_id")
);
--> statement-breakpoint
-- The valuation of each move: quantity and value after it, and the value it changed.
CREATE TABLE "erp"."stock_valuation" (
  "tenant_id" uuid NOT NULL,
  "move_id" bigint NOT NULL,
  "qty_after" bigint NOT NULL,
  "value_after" bigint NOT NULL,
  "value_change" bigint NOT NULL,
  PRIMARY KEY ("tenant_id", "move_id")
);
--> statement-breakpoint
-- FIFO layers in cumulative form: incoming move n holds positions [cum_qty_before, cum_qty_before + qty).
CREATE TABLE "erp"."fifo_layers" (
  "tenant_id" uuid NOT NULL,
  "item_id" uuid NOT NULL,
  "warehouse_id" uuid NOT NULL,
  "move_id" bigint NOT NULL,
  "cum_qty_before" bigint NOT NULL,
  "qty" bigint NOT NULL,
  "cum_value_before" bigint NOT NULL,
  "value" bigint NOT NULL,
  PRIMARY KEY ("tenant_id", "item_id", "warehouse_id", "cum_qty_before"),
  CONSTRAINT "fifo_layers_qty_positive" CHECK ("qty" > 0)
);

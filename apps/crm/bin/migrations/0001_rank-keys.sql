-- rank becomes a fractional-indexing key (base 10, digits only: see ADR 0017); the deals of each
-- stage keep their order and get the keys a column would have had from the start: '50'..'59',
-- '600'..'699', '7000'..'7999', '80000'..'89999', '900000'..
ALTER TABLE "crm"."deals" ALTER COLUMN "rank" SET DATA TYPE text USING "rank"::text;--> statement-breakpoint
UPDATE "crm"."deals" AS "d" SET "rank" = "k"."key"
FROM (
  SELECT "id",
    CASE
      WHEN "n" < 10 THEN '5' || "n"::text
      WHEN "n" < 110 THEN '6' || lpad(("n" - 10)::text, 2, '0')
      WHEN "n" < 1110 THEN '7' || lpad(("n" - 110)::text, 3, '0')
      WHEN "n" < 11110 THEN '8' || lpad(("n" - 1110)::text, 4, '0')
      ELSE '9' || lpad(("n" - 11110)::text, 5, '0')
    END AS "key"
  FROM (
    SELECT "id", row_number() OVER (
      PARTITION BY "tenant_id", "stage_id" ORDER BY "rank"::double precision ASC NULLS LAST, "id"
    ) - 1 AS "n"
    FROM "crm"."deals"
  ) AS "numbered"
) AS "k"
WHERE "d"."id" = "k"."id";

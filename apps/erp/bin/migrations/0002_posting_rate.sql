-- Posting speed (issue 15): the balance check of a voucher's rows there and then, in one round trip
-- instead of two. `SET CONSTRAINTS … IMMEDIATE` fires the deferred `gl_voucher_balanced` checks of
-- the rows inserted so far (a failure is the same check violation, named after the constraint);
-- `… DEFERRED` puts the constraint back, so later rows are checked at COMMIT as before.
CREATE FUNCTION "erp"."check_vouchers_balanced"() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  SET CONSTRAINTS erp.gl_voucher_balanced IMMEDIATE;
  SET CONSTRAINTS erp.gl_voucher_balanced DEFERRED;
END
$$;

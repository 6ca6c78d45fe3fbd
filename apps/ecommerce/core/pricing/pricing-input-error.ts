/**
 * Input the pricing engine cannot price as given: the JSON Pointer of the offending field
 * (`/lines/2/quantity`) and why. A `RangeError`, so callers that only know the standard errors
 * still see it; the server maps `path` and `message` to a problem+json answer (422).
 *
 * @example
 * throw new PricingInputError('/lines/0/quantity', 'line 0: the quantity 0 is not a whole number from 1 to 100000');
 */
export class PricingInputError extends RangeError {
  override readonly name = 'PricingInputError';

  constructor(
    /** JSON Pointer of the field in the pricing input, `''` for the input itself */
    readonly path: string,
    message: string,
    /** a stable code for the reason, e.g. `PRICE_NOT_FOUND` or `INVALID_INPUT` */
    readonly code: 'PRICE_NOT_FOUND' | 'INVALID_INPUT' | 'AMOUNT_TOO_LARGE' = 'INVALID_INPUT',
  ) {
    super(message);
  }
}

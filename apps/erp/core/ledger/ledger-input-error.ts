/**
 * A document the ledger functions cannot post as given: the JSON Pointer of the offending field
 * (`/lines/3/unitPrice`) and why. A `RangeError`, so callers that only know the standard errors
 * still see it; the server maps `path` and `message` to a problem+json answer.
 *
 * @example
 * throw new LedgerInputError('/lines/2', 'line 2: a journal line is either a debit or a credit');
 */
export class LedgerInputError extends RangeError {
  override readonly name = 'LedgerInputError';

  constructor(
    /** JSON Pointer of the field in the document, `''` for the document itself */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

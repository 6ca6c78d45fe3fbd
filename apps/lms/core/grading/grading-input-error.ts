/**
 * A gradebook the grading functions cannot compute as given: the JSON Pointer of the offending
 * field (`/categories/2/weight`, `/grades/4/points`) and why. A `RangeError`, so callers that only
 * know the standard errors still see it; the server maps `path` and `message` to problem+json.
 *
 * @example
 * throw new GradingInputError('/items/3/categoryId', 'item "quiz-3": category "labs" does not exist');
 */
export class GradingInputError extends RangeError {
  override readonly name = 'GradingInputError';

  constructor(
    /** JSON Pointer of the field, `''` for the input itself */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

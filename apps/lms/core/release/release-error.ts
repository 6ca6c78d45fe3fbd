import type { LockedReason } from './release-states.js';

/**
 * Why the release evaluator refuses: `bad-rule` (a release condition is not well defined),
 * `bad-facts` (the progress facts are malformed), `item-locked` (the learner asks for an item that
 * is not released yet: the server answers 409 with the reasons, and writes nothing).
 */
export type ReleaseErrorCode = 'bad-rule' | 'bad-facts' | 'item-locked';

/**
 * A refused release question, with the JSON Pointer of the field and, for `item-locked`, the
 * reasons the learner is shown.
 *
 * @example
 * throw new ReleaseError('item-locked', '/lessonId', 'lesson "l3" is locked', reasons);
 */
export class ReleaseError extends RangeError {
  override readonly name = 'ReleaseError';

  constructor(
    readonly code: ReleaseErrorCode,
    /** JSON Pointer of the field, `''` for the input itself */
    readonly path: string,
    message: string,
    readonly reasons: readonly LockedReason[] = [],
  ) {
    super(message);
  }
}

import type { JsonLogic } from '@codexion/schema';

/**
 * A release condition of an outline item, as an instructor sets it:
 * - `prerequisite`: the listed items (lessons, sections, other courses) completed, or, with
 *   `minPercent`, each graded at least that;
 * - `drip`: open `days` whole days (24 h) after the learner's enrolment or cohort start (the
 *   enrolment when the learner has no cohort).
 * Sequential progress is the outline's `sequential` setting, not a condition.
 */
export type ReleaseCondition =
  | { kind: 'prerequisite'; itemIds: string[]; minPercent?: number | null }
  | { kind: 'drip'; from: 'enrolment' | 'cohort'; days: number };

/** The progress facts release logic reads; instants in epoch milliseconds. */
export interface ReleaseFacts {
  completed: string[];
  /** grades in hundredths of a percent */
  graded: { id: string; percentBp: number }[];
  enrolledAt: number;
  cohortStartAt: number | null;
  now: number;
}

export const dayMs = 86_400_000;

/**
 * The JSON Logic that holds when one prerequisite item is met: completed, or graded at least
 * `minBp` (hundredths of a percent). Ids are compared as values, never used as `var` paths, so any
 * id works.
 *
 * @example
 * prerequisiteLogic('intro') // { in: ['intro', { var: 'completed' }] }
 */
export function prerequisiteLogic(itemId: string, minBp?: number | null): JsonLogic {
  if (minBp === undefined || minBp === null) return { in: [itemId, { var: 'completed' }] };
  return {
    some: [
      { var: 'graded' },
      { and: [{ '==': [{ var: 'id' }, itemId] }, { '>=': [{ var: 'percentBp' }, minBp] }] },
    ],
  };
}

/**
 * The JSON Logic of the instant a drip condition opens, in epoch milliseconds.
 *
 * @example
 * dripOpensLogic('enrolment', 7) // { '+': [{ var: 'enrolledAt' }, 604800000] }
 */
export function dripOpensLogic(from: 'enrolment' | 'cohort', days: number): JsonLogic {
  const base: JsonLogic =
    from === 'cohort'
      ? { if: [{ '==': [{ var: 'cohortStartAt' }, null] }, { var: 'enrolledAt' }, { var: 'cohortStartAt' }] }
      : { var: 'enrolledAt' };
  return { '+': [base, days * dayMs] };
}

/**
 * A release condition as one JSON Logic expression over `ReleaseFacts`: true when it is met.
 * `releaseStates` evaluates these (term by term, to name what is missing).
 *
 * @example
 * conditionLogic({ kind: 'drip', from: 'enrolment', days: 7 })
 * // { '>=': [{ var: 'now' }, { '+': [{ var: 'enrolledAt' }, 604800000] }] }
 */
export function conditionLogic(condition: ReleaseCondition): JsonLogic {
  if (condition.kind === 'drip')
    return { '>=': [{ var: 'now' }, dripOpensLogic(condition.from, condition.days)] };
  const minBp = condition.minPercent == null ? null : Math.round(condition.minPercent * 100);
  return { and: condition.itemIds.map((id) => prerequisiteLogic(id, minBp)) };
}

import { jsonLogic } from '@codexion/schema';
import formula from './course-grade.logic.json' with { type: 'json' };
import { dropItems, type ScoredItem } from './drop-items.js';
import type { Gradebook, ItemGrade } from './gradebook.js';
import { GradingInputError } from './grading-input-error.js';
import { letterFor } from './letter-scale.js';
import { hundredths, roundHalfUp } from './points.js';

/** How an item entered a learner's grade. */
export type ItemStatus = 'graded' | 'missing-zero' | 'not-graded' | 'excused' | 'dropped' | 'extra-credit';

/** One category of one learner's grade. Points are in hundredths of a point. */
export interface CategoryGrade {
  id: string;
  weightBp: number;
  /** earned points of the kept items plus extra credit */
  earned: number;
  /** possible points of the kept regular items */
  possible: number;
  /** earned / possible in billionths, rounded half-up, at most 10^10 (1,000 %); `null` when nothing counts yet */
  scorePpb: number | null;
  /** whether the category takes part in the course grade (it has possible points) */
  counted: boolean;
  /** ids of the items dropped, lowest first, then highest */
  dropped: string[];
}

/** The facts the course grade formula (`course-grade.logic.json`) reads. */
export interface CourseGradeFacts {
  categories: { id: string; weightBp: number; scorePpb: number; counted: boolean }[];
}

/** One learner's course grade and how it came about. */
export interface CourseGrade {
  /** hundredths of a percent (8,734 is 87.34 %), `null` while no category counts */
  percentBp: number | null;
  /** the letter of `percentBp` on the gradebook's scale; `null` without a scale or a grade */
  letter: string | null;
  categories: CategoryGrade[];
  /** every item of the gradebook by id */
  items: Record<string, ItemStatus>;
}

/**
 * A category's score counts at most 1,000 % (extra credit far beyond the possible points): above,
 * the formula's integers could pass 2^53 and stop being exact.
 */
const maxScorePpb = 10_000_000_000n;
const ppb = 1_000_000_000n;

const minBigInt = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * Runs the course grade formula, `course-grade.logic.json`, on the repo's JSON Logic evaluator:
 * the weighted mean of the counted categories' scores, weights renormalised over the counted
 * ones, in hundredths of a percent rounded once, half-up. Every number it handles is an integer
 * below 2^53, so the floating-point operations JSON Logic uses are exact, in any engine.
 *
 * @example
 * evaluateCourseGrade({ categories: [
 *   { id: 'hw', weightBp: 4_000, scorePpb: 900_000_000, counted: true },
 *   { id: 'exam', weightBp: 6_000, scorePpb: 755_000_000, counted: true },
 * ] }) // 8_130 (81.30 %)
 */
export function evaluateCourseGrade(facts: CourseGradeFacts): number | null {
  const result: unknown = jsonLogic.apply(formula as never, facts);
  if (result === null) return null;
  if (typeof result !== 'number' || !Number.isSafeInteger(result))
    throw new GradingInputError('', `the course grade formula gave ${String(result)}, not a whole number`);
  return result;
}

function gradesByItem(
  book: Gradebook,
  grades: readonly ItemGrade[],
): Map<string, { points: number | null; excused: boolean }> {
  if (!Array.isArray(grades)) throw new GradingInputError('/grades', '/grades: the grades are a list');
  const byItem = new Map<string, { points: number | null; excused: boolean }>();
  grades.forEach((grade, i) => {
    const at = `/grades/${i}`;
    const itemId: unknown = grade?.itemId;
    if (typeof itemId !== 'string' || !book.items.has(itemId))
      throw new GradingInputError(
        `${at}/itemId`,
        `${at}/itemId: the gradebook has no item "${String(itemId)}"`,
      );
    if (byItem.has(itemId))
      throw new GradingInputError(`${at}/itemId`, `${at}/itemId: item "${itemId}" is graded twice`);
    if (grade.excused !== undefined && typeof grade.excused !== 'boolean')
      throw new GradingInputError(`${at}/excused`, `${at}/excused: excused is true or false`);
    const points =
      grade.points === undefined || grade.points === null ? null : hundredths(grade.points, `${at}/points`);
    byItem.set(itemId, { points, excused: grade.excused === true });
  });
  return byItem;
}

/**
 * One learner's course grade: each category's items are graded, excused, dropped or left out by
 * the rules of `gradebook.ts` and `drop-items.ts`, each category's score is earned / possible in
 * billionths (rounded half-up, at most 1,000 %), and the formula in `course-grade.logic.json` turns the scores and
 * weights into the course percentage. The browser's gradebook and the server's call this same
 * function, so both show the same number.
 *
 * @throws GradingInputError for a grade of an unknown item, a duplicate or bad points
 * @example
 * courseGrade(book, [{ itemId: 'hw1', points: 9 }, { itemId: 'final', points: 75.5 }])
 * // { percentBp: 8_130, letter: 'B', categories: [...], items: { hw1: 'graded', final: 'graded' } }
 */
export function courseGrade(book: Gradebook, grades: readonly ItemGrade[]): CourseGrade {
  const byItem = gradesByItem(book, grades);
  const items: Record<string, ItemStatus> = {};
  const categories = book.categories.map((category): CategoryGrade => {
    const scored: ScoredItem[] = [];
    let extra = 0;
    for (const item of category.items) {
      const grade = byItem.get(item.id);
      if (grade?.excused === true) items[item.id] = 'excused';
      else if (item.extraCredit) {
        items[item.id] = grade?.points == null ? 'not-graded' : 'extra-credit';
        extra += grade?.points ?? 0;
      } else if (grade !== undefined && grade.points !== null) {
        items[item.id] = 'graded';
        scored.push({ item, earned: grade.points });
      } else if (item.missing === 'zero') {
        items[item.id] = 'missing-zero';
        scored.push({ item, earned: 0 });
      } else items[item.id] = 'not-graded';
    }
    const { kept, dropped } = dropItems(scored, category.dropLowest, category.dropHighest);
    for (const { item } of dropped) items[item.id] = 'dropped';
    const possible = kept.reduce((sum, s) => sum + s.item.possible, 0);
    const earned = kept.reduce((sum, s) => sum + s.earned, extra);
    const scorePpb =
      possible > 0
        ? Number(minBigInt(roundHalfUp(BigInt(earned) * ppb, BigInt(possible)), maxScorePpb))
        : null;
    const ids = dropped.map((s) => s.item.id);
    return {
      id: category.id,
      weightBp: category.weightBp,
      earned,
      possible,
      scorePpb,
      counted: possible > 0,
      dropped: ids,
    };
  });
  const percentBp = evaluateCourseGrade({
    categories: categories.map(({ id, weightBp, scorePpb, counted }) => ({
      id,
      weightBp,
      scorePpb: scorePpb ?? 0,
      counted,
    })),
  });
  const letter = percentBp === null || book.scale === null ? null : letterFor(book.scale, percentBp);
  return { percentBp, letter, categories, items };
}

import { GradingInputError } from './grading-input-error.js';
import { type LetterCutoff, type LetterScale, letterScale } from './letter-scale.js';
import { hundredths } from './points.js';

/** What an item without a grade counts as: zero points, or nothing (left out of its category). */
export type MissingPolicy = 'zero' | 'ignore';

/** A gradebook category: its weight in the course grade and how many items it drops. */
export interface GradeCategory {
  /** 1 to 200 characters, unique in the gradebook */
  id: string;
  /** shown in error messages; the id when absent */
  name?: string;
  /** percent of the course grade, at most two decimals; all weights add up to 100 */
  weight: number;
  /** drop this many lowest-scoring items (0 to 100) */
  dropLowest?: number;
  /** drop this many highest-scoring items (0 to 100), after the lowest */
  dropHighest?: number;
}

/** A graded item (assignment, quiz, manual entry) in one category. */
export interface GradeItem {
  /** 1 to 200 characters, unique in the gradebook */
  id: string;
  categoryId: string;
  /** at most two decimals, 0 to 100,000; above 0 unless the item is extra credit */
  pointsPossible: number;
  /** ISO 8601; decides ties between equal scores when dropping (earliest first) */
  dueAt?: string | null;
  /** adds its points to the category's earned points, never to its possible points */
  extraCredit?: boolean;
  /** an item without a grade: `'ignore'` (the default) leaves it out, `'zero'` counts 0 points */
  missing?: MissingPolicy;
}

/** A course's grading setup: categories, items and (optionally) a letter scale. */
export interface GradebookSetup {
  categories: readonly GradeCategory[];
  items: readonly GradeItem[];
  scale?: readonly LetterCutoff[] | null;
}

/** One learner's grade for one item. No entry, or `points: null`, means "not graded". */
export interface ItemGrade {
  itemId: string;
  /** at most two decimals, 0 to 100,000; may pass the item's points possible */
  points?: number | null;
  /** excused: the item is left out of the learner's grade whatever its points */
  excused?: boolean;
}

/** An item as the computation uses it: amounts in hundredths of a point. */
export interface CheckedItem {
  id: string;
  /** position in the setup's `items`, for error paths */
  index: number;
  possible: number;
  /** epoch milliseconds, or `null` for no due date (sorts after every date) */
  dueMs: number | null;
  extraCredit: boolean;
  missing: MissingPolicy;
}

export interface CheckedCategory {
  id: string;
  name: string;
  /** hundredths of a percent: 10,000 is 100 % */
  weightBp: number;
  dropLowest: number;
  dropHighest: number;
  /** in the setup's order */
  items: CheckedItem[];
}

/** A checked setup, computed once and reused for every learner of the course. */
export interface Gradebook {
  categories: readonly CheckedCategory[];
  items: ReadonlyMap<string, CheckedItem>;
  scale: LetterScale | null;
}

const limits = { categories: 50, items: 2_000, drops: 100, idLength: 200 };

function id(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '' || value.length > limits.idLength)
    throw new GradingInputError(path, `${path}: an id is a text of 1 to ${limits.idLength} characters`);
  return value;
}

function count(value: unknown, path: string): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > limits.drops)
    throw new GradingInputError(
      path,
      `${path}: ${String(value)} is not a whole number from 0 to ${limits.drops}`,
    );
  return value;
}

function dueMs(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new GradingInputError(path, `${path}: ${String(value)} is not an ISO 8601 date-time`);
  return ms;
}

function checkWeights(categories: readonly CheckedCategory[]): void {
  const total = categories.reduce((sum, c) => sum + c.weightBp, 0);
  if (total === 10_000) return;
  const parts = categories.map((c) => `${c.name} ${c.weightBp / 100} %`).join(', ');
  throw new GradingInputError(
    '/categories',
    `the category weights add up to ${total / 100} % (${parts}); they must add up to 100 %`,
  );
}

/**
 * Checks a course's grading setup once, so `courseGrade` can run for every learner without
 * checking it again: unique ids, each item in an existing category, points and weights with at
 * most two decimals, weights adding up to exactly 100 %, drop counts, due dates, letter scale.
 *
 * @throws GradingInputError with the JSON Pointer of the first bad field; a weight total other
 *   than 100 % is reported at `/categories` naming every category and its weight
 * @example
 * const book = gradebook({
 *   categories: [{ id: 'hw', weight: 40, dropLowest: 1 }, { id: 'exam', weight: 60 }],
 *   items: [{ id: 'hw1', categoryId: 'hw', pointsPossible: 10 }, { id: 'final', categoryId: 'exam', pointsPossible: 100 }],
 * });
 */
export function gradebook(setup: GradebookSetup): Gradebook {
  const rawCategories: unknown = setup?.categories;
  const rawItems: unknown = setup?.items;
  if (!Array.isArray(rawCategories) || rawCategories.length === 0 || rawCategories.length > limits.categories)
    throw new GradingInputError(
      '/categories',
      `/categories: a gradebook has 1 to ${limits.categories} categories`,
    );
  if (!Array.isArray(rawItems) || rawItems.length > limits.items)
    throw new GradingInputError('/items', `/items: a gradebook has at most ${limits.items} items`);
  const byId = new Map<string, CheckedCategory>();
  const categories = (rawCategories as GradeCategory[]).map((category, i): CheckedCategory => {
    const at = `/categories/${i}`;
    const categoryId = id(category?.id, `${at}/id`);
    if (byId.has(categoryId))
      throw new GradingInputError(`${at}/id`, `${at}/id: category "${categoryId}" appears twice`);
    const checked = {
      id: categoryId,
      name: typeof category.name === 'string' && category.name !== '' ? category.name : categoryId,
      weightBp: hundredths(category.weight, `${at}/weight`, 100),
      dropLowest: count(category.dropLowest, `${at}/dropLowest`),
      dropHighest: count(category.dropHighest, `${at}/dropHighest`),
      items: [],
    };
    byId.set(categoryId, checked);
    return checked;
  });
  checkWeights(categories);
  const items = new Map<string, CheckedItem>();
  (rawItems as GradeItem[]).forEach((item, i) => {
    const at = `/items/${i}`;
    const itemId = id(item?.id, `${at}/id`);
    if (items.has(itemId))
      throw new GradingInputError(`${at}/id`, `${at}/id: item "${itemId}" appears twice`);
    const categoryId = id(item.categoryId, `${at}/categoryId`);
    const category = byId.get(categoryId);
    if (category === undefined)
      throw new GradingInputError(
        `${at}/categoryId`,
        `${at}/categoryId: item "${itemId}" is in category "${categoryId}", which the gradebook does not have`,
      );
    const extraCredit = item.extraCredit === true;
    const possible = hundredths(item.pointsPossible, `${at}/pointsPossible`);
    if (possible === 0 && !extraCredit)
      throw new GradingInputError(
        `${at}/pointsPossible`,
        `${at}/pointsPossible: item "${itemId}" has 0 points possible; only an extra-credit item may`,
      );
    const missing = item.missing ?? 'ignore';
    if (missing !== 'zero' && missing !== 'ignore')
      throw new GradingInputError(
        `${at}/missing`,
        `${at}/missing: "${String(missing)}" is not "zero" or "ignore"`,
      );
    const checked = {
      id: itemId,
      index: i,
      possible,
      dueMs: dueMs(item.dueAt, `${at}/dueAt`),
      extraCredit,
      missing,
    };
    items.set(itemId, checked);
    category.items.push(checked);
  });
  const scale = setup.scale === undefined || setup.scale === null ? null : letterScale(setup.scale);
  return { categories, items, scale };
}

import type { CheckedItem } from './gradebook.js';

/** A regular (not extra-credit) item that counts for a learner, with the points earned. */
export interface ScoredItem {
  item: CheckedItem;
  /** hundredths of a point */
  earned: number;
}

/** Compares two items' scores as fractions earned / possible, exactly (products stay below 2^53). */
function byScore(a: ScoredItem, b: ScoredItem): number {
  return a.earned * b.item.possible - b.earned * a.item.possible;
}

/** Among equal scores: the earliest due date first (no due date after every date), then the smallest id. */
function byTieRule(a: ScoredItem, b: ScoredItem): number {
  const dueA = a.item.dueMs ?? Number.POSITIVE_INFINITY;
  const dueB = b.item.dueMs ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
}

/**
 * Splits a category's counted items into the ones kept and the ones dropped: first the
 * `dropLowest` lowest scores, then the `dropHighest` highest of the rest; each step leaves at
 * least one item, so a category never drops all it has. Scores are percentages (earned /
 * possible), not points, and among equal percentages the item dropped is the one due first, then
 * the one with the smallest id (code-unit order), whatever order the items come in.
 *
 * @example
 * // hw1 50 %, hw2 50 % (due later), hw3 90 %: drop lowest 1 drops hw1
 * dropItems(scored, 1, 0).dropped.map((s) => s.item.id) // ['hw1']
 */
export function dropItems(
  scored: readonly ScoredItem[],
  dropLowest: number,
  dropHighest: number,
): { kept: ScoredItem[]; dropped: ScoredItem[] } {
  // most categories drop nothing: no sorting then
  if ((dropLowest <= 0 && dropHighest <= 0) || scored.length <= 1) return { kept: [...scored], dropped: [] };
  const lowest = Math.max(0, Math.min(dropLowest, scored.length - 1));
  const ascending = [...scored].sort((a, b) => byScore(a, b) || byTieRule(a, b));
  const droppedLow = ascending.slice(0, lowest);
  const rest = ascending.slice(lowest);
  const highest = Math.max(0, Math.min(dropHighest, rest.length - 1));
  const descending = rest.sort((a, b) => byScore(b, a) || byTieRule(a, b));
  const dropped = [...droppedLow, ...descending.slice(0, highest)];
  const gone = new Set(dropped);
  return { kept: scored.filter((s) => !gone.has(s)), dropped };
}

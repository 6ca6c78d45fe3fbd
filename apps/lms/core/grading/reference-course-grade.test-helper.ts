import type { GradebookSetup, ItemGrade } from './gradebook.js';

/** What the reference computes: the figures the production function must reproduce. */
export interface ReferenceGrade {
  percentBp: number | null;
  letter: string | null;
  categories: { id: string; scorePpb: number | null; dropped: string[] }[];
}

interface Entry {
  id: string;
  due: number;
  earned: bigint;
  possible: bigint;
}

const cents = (value: number): bigint => BigInt(Math.round(value * 100));

/** -1 when a scores below b, 1 above, 0 equal, by cross-multiplying the fractions. */
function compareScore(a: Entry, b: Entry): number {
  const left = a.earned * b.possible;
  const right = b.earned * a.possible;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** true when `a` goes before `b` among equal scores: due first, then the smaller id. */
function tieFirst(a: Entry, b: Entry): boolean {
  if (a.due !== b.due) return a.due < b.due;
  return a.id < b.id;
}

/** Removes and returns the entry `better` prefers, scanning the list once. */
function take(entries: Entry[], better: (a: Entry, b: Entry) => boolean): Entry {
  let best = 0;
  for (let i = 1; i < entries.length; i += 1) {
    const candidate = entries[i] as Entry;
    if (better(candidate, entries[best] as Entry)) best = i;
  }
  return entries.splice(best, 1)[0] as Entry;
}

/**
 * The course grade by the rules in apps/lms/README.md, written a second time as plainly as
 * possible and without the production code: BigInt fractions, a selection scan for each drop, no
 * JSON Logic. The property test holds the production `courseGrade` to it.
 */
export function referenceCourseGrade(setup: GradebookSetup, grades: readonly ItemGrade[]): ReferenceGrade {
  const categories: ReferenceGrade['categories'] = [];
  let weightedSum = 0n;
  let weightSum = 0n;
  for (const category of setup.categories) {
    const entries: Entry[] = [];
    let extra = 0n;
    for (const item of setup.items) {
      if (item.categoryId !== category.id) continue;
      const grade = grades.find((g) => g.itemId === item.id);
      if (grade?.excused) continue;
      const hasPoints = grade !== undefined && grade.points !== undefined && grade.points !== null;
      if (item.extraCredit) {
        if (hasPoints) extra += cents(grade.points as number);
        continue;
      }
      if (!hasPoints && item.missing !== 'zero') continue;
      entries.push({
        id: item.id,
        due: item.dueAt ? Date.parse(item.dueAt) : Number.POSITIVE_INFINITY,
        earned: hasPoints ? cents(grade.points as number) : 0n,
        possible: cents(item.pointsPossible),
      });
    }
    const dropped: string[] = [];
    for (let n = 0; n < (category.dropLowest ?? 0) && entries.length > 1; n += 1) {
      const lowest = take(
        entries,
        (a, b) => compareScore(a, b) < 0 || (compareScore(a, b) === 0 && tieFirst(a, b)),
      );
      dropped.push(lowest.id);
    }
    for (let n = 0; n < (category.dropHighest ?? 0) && entries.length > 1; n += 1) {
      const highest = take(
        entries,
        (a, b) => compareScore(a, b) > 0 || (compareScore(a, b) === 0 && tieFirst(a, b)),
      );
      dropped.push(highest.id);
    }
    let earned = extra;
    let possible = 0n;
    for (const entry of entries) {
      earned += entry.earned;
      possible += entry.possible;
    }
    let scorePpb: number | null = null;
    if (possible > 0n) {
      // half-up: floor(x + 1/2) = floor((2·earned·10^9 + possible) / (2·possible))
      let score = (2n * earned * 1_000_000_000n + possible) / (2n * possible);
      if (score > 10_000_000_000n) score = 10_000_000_000n; // extra credit counts up to 1,000 %
      scorePpb = Number(score);
      const weight = cents(category.weight);
      weightedSum += weight * score;
      weightSum += weight;
    }
    categories.push({ id: category.id, scorePpb, dropped });
  }
  let percentBp: number | null = null;
  if (weightSum > 0n) {
    // weightedSum / weightSum is in billionths; one basis point of a percent is 10^5 billionths
    const denominator = weightSum * 100_000n;
    percentBp = Number((2n * weightedSum + denominator) / (2n * denominator));
  }
  let letter: string | null = null;
  if (percentBp !== null && setup.scale) {
    for (const cutoff of setup.scale) {
      if (percentBp >= Math.round(cutoff.minPercent * 100)) {
        letter = cutoff.letter;
        break;
      }
    }
  }
  return { percentBp, letter, categories };
}

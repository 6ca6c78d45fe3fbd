import fc from 'fast-check';
import type { GradebookSetup, GradeItem, ItemGrade } from './gradebook.js';

/** A gradebook with a few learners' grades, as the property and parity tests generate them. */
export interface GradebookCase {
  setup: GradebookSetup;
  learners: ItemGrade[][];
}

const dueDates = [
  null,
  '2026-01-10T09:00:00Z',
  '2026-01-10T09:00:00Z',
  '2026-01-17T09:00:00Z',
  '2026-02-01T00:00:00+01:00',
];
const possibles = [1, 5, 10, 10, 20, 33.33, 100, 0.5, 250];
/** fractions of the possible points, chosen so equal percentages (ties) are common */
const fractions = [0, 0.5, 0.5, 0.75, 1, 1, 1.2];
const scales = [
  null,
  [
    { letter: 'A', minPercent: 90 },
    { letter: 'B', minPercent: 80 },
    { letter: 'C', minPercent: 70 },
    { letter: 'D', minPercent: 60 },
    { letter: 'F', minPercent: 0 },
  ],
  [
    { letter: 'pass', minPercent: 50.5 },
    { letter: 'fail', minPercent: 0 },
  ],
];

const itemShape = fc.record({
  category: fc.nat(),
  pointsPossible: fc.constantFrom(...possibles),
  dueAt: fc.constantFrom(...dueDates),
  // one item in eight is extra credit
  extraCredit: fc.nat({ max: 7 }).map((n) => n === 0),
  extraZero: fc.boolean(),
  missing: fc.constantFrom(undefined, 'zero' as const, 'ignore' as const),
});

const gradeShape = fc.oneof(
  { arbitrary: fc.constantFrom(...fractions).map((f) => ({ kind: 'fraction' as const, f })), weight: 5 },
  {
    arbitrary: fc.integer({ min: 0, max: 12_000 }).map((n) => ({ kind: 'hundredths' as const, n })),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(
      { kind: 'none' as const },
      { kind: 'null' as const },
      { kind: 'excused' as const },
    ),
    weight: 2,
  },
);

function pointsOf(
  kind: { kind: 'fraction'; f: number } | { kind: 'hundredths'; n: number },
  possible: number,
): number {
  if (kind.kind === 'hundredths') return Math.min(kind.n, Math.round(possible * 120)) / 100;
  return Math.round(possible * 100 * kind.f) / 100;
}

/**
 * Random gradebooks: 1 to 5 categories whose weights (two decimals) add up to 100 %, drops of 0 to
 * 3, up to 16 items with repeated due dates and point values (ties), extra credit, missing-policy
 * mixes, and 1 to 4 learners each with graded, ungraded, excused and over-full items.
 */
export const gradebookCases: fc.Arbitrary<GradebookCase> = fc
  .record({
    cuts: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 4 }),
    drops: fc.array(fc.record({ low: fc.nat({ max: 3 }), high: fc.nat({ max: 2 }) }), {
      minLength: 5,
      maxLength: 5,
    }),
    items: fc.array(itemShape, { maxLength: 16 }),
    ids: fc.uniqueArray(
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 3 }),
      {
        minLength: 16,
        maxLength: 16,
      },
    ),
    scale: fc.constantFrom(...scales),
    learners: fc.array(fc.array(gradeShape, { minLength: 16, maxLength: 16 }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map(({ cuts, drops, items, ids, scale, learners }) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
    const categories = bounds.slice(1).map((bound, i) => ({
      id: `cat-${i}`,
      weight: (bound - (bounds[i] as number)) / 100,
      dropLowest: drops[i]?.low ?? 0,
      dropHighest: drops[i]?.high ?? 0,
    }));
    const gradeItems: GradeItem[] = items.map((item, i) => ({
      id: ids[i] as string,
      categoryId: `cat-${item.category % categories.length}`,
      pointsPossible: item.extraCredit && item.extraZero ? 0 : item.pointsPossible,
      dueAt: item.dueAt,
      extraCredit: item.extraCredit,
      ...(item.missing === undefined ? {} : { missing: item.missing }),
    }));
    const grades = learners.map((row) =>
      gradeItems.flatMap((item, i): ItemGrade[] => {
        const choice = row[i];
        if (choice === undefined || choice.kind === 'none') return [];
        if (choice.kind === 'null') return [{ itemId: item.id, points: null }];
        if (choice.kind === 'excused') return [{ itemId: item.id, excused: true }];
        const base = item.pointsPossible === 0 ? 5 : item.pointsPossible;
        return [{ itemId: item.id, points: pointsOf(choice, base) }];
      }),
    );
    return { setup: { categories, items: gradeItems, scale }, learners: grades };
  });

import { scanJsonLogic } from '@codexion/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseGrade, evaluateCourseGrade } from './course-grade.js';
import formula from './course-grade.logic.json' with { type: 'json' };
import { type GradebookSetup, gradebook } from './gradebook.js';
import { GradingInputError } from './grading-input-error.js';
import { gradebookCases } from './random-gradebook.test-helper.js';
import { referenceCourseGrade } from './reference-course-grade.test-helper.js';

const setup: GradebookSetup = {
  categories: [
    { id: 'hw', name: 'Homework', weight: 40, dropLowest: 1 },
    { id: 'exam', name: 'Exams', weight: 60 },
  ],
  items: [
    { id: 'hw1', categoryId: 'hw', pointsPossible: 10, dueAt: '2026-01-10T09:00:00Z' },
    { id: 'hw2', categoryId: 'hw', pointsPossible: 10, dueAt: '2026-01-17T09:00:00Z' },
    { id: 'hw3', categoryId: 'hw', pointsPossible: 10, dueAt: '2026-01-24T09:00:00Z', missing: 'zero' },
    { id: 'bonus', categoryId: 'hw', pointsPossible: 0, extraCredit: true },
    { id: 'final', categoryId: 'exam', pointsPossible: 100 },
  ],
  scale: [
    { letter: 'A', minPercent: 90 },
    { letter: 'B', minPercent: 80 },
    { letter: 'F', minPercent: 0 },
  ],
};
const book = gradebook(setup);

describe('courseGrade', () => {
  it('weights the categories, drops the lowest and adds extra credit (the README example)', () => {
    const grade = courseGrade(book, [
      { itemId: 'hw1', points: 9 },
      { itemId: 'hw2', points: 8.5 },
      // hw3 has no grade and counts 0: it is the one dropped
      { itemId: 'bonus', points: 1 },
      { itemId: 'final', points: 75.5 },
    ]);
    // homework (9 + 8.5 + 1) / 20 = 92.5 %, exams 75.5 %: 0.4 × 92.5 + 0.6 × 75.5 = 82.3 %
    expect(grade.percentBp).toBe(8_230);
    expect(grade.letter).toBe('B');
    expect(grade.categories).toEqual([
      {
        id: 'hw',
        weightBp: 4_000,
        earned: 1_850,
        possible: 2_000,
        scorePpb: 925_000_000,
        counted: true,
        dropped: ['hw3'],
      },
      {
        id: 'exam',
        weightBp: 6_000,
        earned: 7_550,
        possible: 10_000,
        scorePpb: 755_000_000,
        counted: true,
        dropped: [],
      },
    ]);
    expect(grade.items).toEqual({
      hw1: 'graded',
      hw2: 'graded',
      hw3: 'dropped',
      bonus: 'extra-credit',
      final: 'graded',
    });
  });

  it("breaks the README example's tie by the due date: hw1 is due first and is dropped", () => {
    const twoDrops = gradebook({
      ...setup,
      categories: [
        { id: 'hw', weight: 40, dropLowest: 2 },
        { id: 'exam', weight: 60 },
      ],
    });
    const grade = courseGrade(twoDrops, [
      { itemId: 'hw2', points: 8.5 },
      { itemId: 'hw1', points: 8.5 },
      { itemId: 'final', points: 75.5 },
    ]);
    expect(grade.categories[0]?.dropped).toEqual(['hw3', 'hw1']);
    expect(grade.items).toMatchObject({ hw1: 'dropped', hw2: 'graded', hw3: 'dropped' });
  });

  it('renormalises the weights over the categories that count and gives no grade when none does', () => {
    const onlyHomework = courseGrade(book, [{ itemId: 'hw1', points: 7 }]);
    // hw3 counts 0 (missing: zero) and is dropped, so homework is 7 / 10 and carries all the weight
    expect(onlyHomework.percentBp).toBe(7_000);
    expect(onlyHomework.categories[1]).toMatchObject({ counted: false, scorePpb: null });
    const bare = gradebook({
      categories: setup.categories,
      items: [{ id: 'q', categoryId: 'exam', pointsPossible: 5 }],
    });
    expect(courseGrade(bare, [])).toMatchObject({
      percentBp: null,
      letter: null,
      items: { q: 'not-graded' },
    });
  });

  it('leaves excused items out, even with points', () => {
    const grade = courseGrade(book, [
      { itemId: 'hw1', points: 10 },
      { itemId: 'hw2', points: 0, excused: true },
      { itemId: 'hw3', excused: true },
      { itemId: 'final', points: 100 },
    ]);
    expect(grade.percentBp).toBe(10_000);
    expect(grade.items).toMatchObject({ hw2: 'excused', hw3: 'excused', bonus: 'not-graded' });
  });

  it('rounds the course grade once, half-up, to 0.01 %', () => {
    const single = gradebook({
      categories: [{ id: 'all', weight: 100 }],
      items: [{ id: 'x', categoryId: 'all', pointsPossible: 2_000 }],
    });
    // 290.1 / 2,000 = 14.505 % exactly: half-up gives 14.51 (a float product would give 14.50)
    expect(courseGrade(single, [{ itemId: 'x', points: 290.1 }]).percentBp).toBe(1_451);
    expect(courseGrade(single, [{ itemId: 'x', points: 290.09 }]).percentBp).toBe(1_450);
  });

  it('evaluates the JSON Logic formula on integers only', () => {
    expect(
      evaluateCourseGrade({
        categories: [
          { id: 'a', weightBp: 3_333, scorePpb: 1_000_000_000, counted: true },
          { id: 'b', weightBp: 6_667, scorePpb: 0, counted: true },
          { id: 'c', weightBp: 0, scorePpb: 500_000_000, counted: false },
        ],
      }),
    ).toBe(3_333);
    expect(
      evaluateCourseGrade({ categories: [{ id: 'a', weightBp: 0, scorePpb: 5, counted: true }] }),
    ).toBeNull();
  });

  it("uses only operators the repo's JSON Logic allows, reading only the facts it is given", () => {
    const scan = scanJsonLogic(formula as never);
    expect(scan.unknownOperators).toEqual([]);
    // inside reduce/filter `var` reads the element; of the facts, the formula reads the categories only
    expect(new Set(scan.vars.map((v) => v.name))).toEqual(new Set(['categories']));
  });

  it('refuses grades of unknown items, duplicates and bad points with their path', () => {
    const cases: [unknown[], string][] = [
      [[{ itemId: 'nope', points: 1 }], '/grades/0/itemId'],
      [
        [
          { itemId: 'hw1', points: 1 },
          { itemId: 'hw1', points: 2 },
        ],
        '/grades/1/itemId',
      ],
      [[{ itemId: 'hw1', points: -1 }], '/grades/0/points'],
      [[{ itemId: 'hw1', points: 1.234 }], '/grades/0/points'],
      [[{ itemId: 'hw1', points: '9' }], '/grades/0/points'],
      [[{ itemId: 'hw1', excused: 'yes' }], '/grades/0/excused'],
    ];
    for (const [grades, path] of cases) {
      expect(() => courseGrade(book, grades as never), path).toThrow(
        expect.objectContaining({ name: 'GradingInputError', path }),
      );
    }
    expect(() => courseGrade(book, 'all' as never)).toThrow(GradingInputError);
  });

  it('counts a category at most 1,000 %, so the formula stays on exact integers', () => {
    const tiny = gradebook({
      categories: [
        { id: 'c', weight: 50 },
        { id: 'd', weight: 50 },
      ],
      items: [
        { id: 'i', categoryId: 'c', pointsPossible: 0.01 },
        { id: 'j', categoryId: 'd', pointsPossible: 10 },
      ],
    });
    const huge = courseGrade(tiny, [
      { itemId: 'i', points: 100_000 },
      { itemId: 'j', points: 10 },
    ]);
    expect(huge.categories[0]?.scorePpb).toBe(10_000_000_000);
    expect(huge.percentBp).toBe(55_000);
  });

  it('matches the reference implementation on random gradebooks (weights, drops, ties, missing, excused)', () => {
    fc.assert(
      fc.property(gradebookCases, ({ setup: randomSetup, learners }) => {
        const randomBook = gradebook(randomSetup);
        for (const grades of learners) {
          const production = courseGrade(randomBook, grades);
          const reference = referenceCourseGrade(randomSetup, grades);
          expect({
            percentBp: production.percentBp,
            letter: production.letter,
            categories: production.categories.map(({ id, scorePpb, dropped }) => ({ id, scorePpb, dropped })),
          }).toEqual(reference);
        }
      }),
      { numRuns: 400 },
    );
  });
});

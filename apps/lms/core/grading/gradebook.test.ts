import { describe, expect, it } from 'vitest';
import { type GradebookSetup, gradebook } from './gradebook.js';

const base: GradebookSetup = {
  categories: [
    { id: 'hw', name: 'Homework', weight: 33.33, dropLowest: 1 },
    { id: 'exam', name: 'Exams', weight: 66.67 },
  ],
  items: [
    { id: 'hw1', categoryId: 'hw', pointsPossible: 12.5, dueAt: '2026-01-10T09:00:00+01:00' },
    { id: 'bonus', categoryId: 'hw', pointsPossible: 0, extraCredit: true },
    { id: 'final', categoryId: 'exam', pointsPossible: 100, missing: 'zero' },
  ],
};

function pathOf(setup: unknown): string | undefined {
  try {
    gradebook(setup as GradebookSetup);
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return (error as { path?: string }).path;
  }
  return undefined;
}

describe('gradebook', () => {
  it('checks a setup once: weights in basis points, points in hundredths, items by category', () => {
    const book = gradebook(base);
    expect(book.categories.map((c) => [c.id, c.weightBp, c.dropLowest, c.items.map((i) => i.id)])).toEqual([
      ['hw', 3_333, 1, ['hw1', 'bonus']],
      ['exam', 6_667, 0, ['final']],
    ]);
    expect(book.items.get('hw1')).toMatchObject({
      possible: 1_250,
      dueMs: Date.parse('2026-01-10T08:00:00Z'),
      missing: 'ignore',
    });
    expect(book.items.get('final')?.missing).toBe('zero');
    expect(book.scale).toBeNull();
  });

  it('refuses weights that do not add up to 100 %, naming every category and its weight', () => {
    const setup = {
      ...base,
      categories: [
        { id: 'hw', name: 'Homework', weight: 40 },
        { id: 'exam', name: 'Exams', weight: 50 },
      ],
    };
    expect(() => gradebook(setup)).toThrow(
      expect.objectContaining({
        path: '/categories',
        message: 'the category weights add up to 90 % (Homework 40 %, Exams 50 %); they must add up to 100 %',
      }),
    );
  });

  it('refuses each bad field with its path', () => {
    const item = base.items[0];
    const cases: [unknown, string][] = [
      [{ ...base, categories: [] }, '/categories'],
      [{ ...base, items: 'none' }, '/items'],
      [
        {
          ...base,
          categories: [
            { id: 'hw', weight: 100 },
            { id: 'hw', weight: 0 },
          ],
        },
        '/categories/1/id',
      ],
      [{ ...base, categories: [{ id: '', weight: 100 }] }, '/categories/0/id'],
      [{ ...base, categories: [{ id: 'hw', weight: 100.5 }] }, '/categories/0/weight'],
      [
        {
          ...base,
          categories: [
            { id: 'hw', weight: 99.999 },
            { id: 'exam', weight: 0.001 },
          ],
        },
        '/categories/0/weight',
      ],
      [
        {
          ...base,
          categories: [
            { id: 'hw', weight: 100, dropLowest: 1.5 },
            { id: 'exam', weight: 0 },
          ],
        },
        '/categories/0/dropLowest',
      ],
      [
        {
          ...base,
          categories: [
            { id: 'hw', weight: 100, dropHighest: -1 },
            { id: 'exam', weight: 0 },
          ],
        },
        '/categories/0/dropHighest',
      ],
      [{ ...base, items: [item, item] }, '/items/1/id'],
      [{ ...base, items: [{ ...item, categoryId: 'labs' }] }, '/items/0/categoryId'],
      [{ ...base, items: [{ ...item, pointsPossible: 0 }] }, '/items/0/pointsPossible'],
      [{ ...base, items: [{ ...item, pointsPossible: 100_001 }] }, '/items/0/pointsPossible'],
      [{ ...base, items: [{ ...item, dueAt: 'next friday' }] }, '/items/0/dueAt'],
      [{ ...base, items: [{ ...item, missing: 'half' }] }, '/items/0/missing'],
      [{ ...base, scale: [{ letter: 'A', minPercent: 50 }] }, '/scale/0/minPercent'],
    ];
    for (const [setup, path] of cases) expect(pathOf(setup), path).toBe(path);
  });

  it('says which item names a category the gradebook lacks', () => {
    expect(() =>
      gradebook({ ...base, items: [{ id: 'lab1', categoryId: 'labs', pointsPossible: 5 }] }),
    ).toThrow('/items/0/categoryId: item "lab1" is in category "labs", which the gradebook does not have');
  });
});

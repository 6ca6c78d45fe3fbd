import { describe, expect, it } from 'vitest';
import { dropItems, type ScoredItem } from './drop-items.js';

function scored(id: string, earned: number, possible: number, due: string | null = null): ScoredItem {
  return {
    item: {
      id,
      index: 0,
      possible,
      dueMs: due === null ? null : Date.parse(due),
      extraCredit: false,
      missing: 'ignore',
    },
    earned,
  };
}

const ids = (items: ScoredItem[]) => items.map((s) => s.item.id);

describe('dropItems', () => {
  it('drops by percentage, not by points', () => {
    // 40/100 = 40 % is lower than 5/10 = 50 %, though 40 points are more than 5
    const { kept, dropped } = dropItems([scored('big', 4_000, 10_000), scored('small', 500, 1_000)], 1, 0);
    expect(ids(dropped)).toEqual(['big']);
    expect(ids(kept)).toEqual(['small']);
  });

  it('among equal percentages drops the item due first, then the smallest id, in any input order', () => {
    const items = [
      scored('b', 500, 1_000, '2026-01-10T09:00:00Z'),
      scored('late', 1_000, 2_000, '2026-02-01T09:00:00Z'),
      scored('a', 250, 500, '2026-01-10T09:00:00Z'),
      scored('undated', 50, 100),
      scored('top', 900, 1_000),
    ];
    for (const order of [items, [...items].reverse()]) {
      expect(ids(dropItems(order, 1, 0).dropped)).toEqual(['a']);
      expect(ids(dropItems(order, 3, 0).dropped)).toEqual(['a', 'b', 'late']);
      expect(ids(dropItems(order, 4, 0).dropped)).toEqual(['a', 'b', 'late', 'undated']);
    }
  });

  it('drops the highest after the lowest, with the same tie rule', () => {
    const items = [
      scored('x', 1_000, 1_000, '2026-03-01T00:00:00Z'),
      scored('y', 100, 100, '2026-01-01T00:00:00Z'),
      scored('z', 0, 100),
    ];
    expect(ids(dropItems(items, 1, 1).dropped)).toEqual(['z', 'y']);
    expect(ids(dropItems(items, 1, 1).kept)).toEqual(['x']);
  });

  it('always keeps one item, and keeps the kept ones in their input order', () => {
    const items = [scored('c', 10, 100), scored('a', 90, 100), scored('b', 50, 100)];
    expect(ids(dropItems(items, 5, 5).kept)).toEqual(['a']);
    expect(ids(dropItems(items, 0, 5).kept)).toEqual(['c']);
    expect(ids(dropItems(items, 1, 0).kept)).toEqual(['a', 'b']);
    expect(dropItems([], 2, 2)).toEqual({ kept: [], dropped: [] });
  });
});

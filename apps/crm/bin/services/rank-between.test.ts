import { describe, expect, it } from 'vitest';
import { rankBetween, rankStep, spreadRanks } from './rank-between.js';

describe('rankBetween', () => {
  it('ranks between, above the top and below the last card, and in an empty column', () => {
    expect(rankBetween(1024, 2048)).toBe(1536);
    expect(rankBetween(undefined, 1024)).toBe(0);
    expect(rankBetween(3072, undefined)).toBe(3072 + rankStep);
    expect(rankBetween(undefined, undefined)).toBe(rankStep);
  });

  it('says there is no room when the gap is used up or a neighbour is unranked', () => {
    let below = 2048;
    let moves = 0;
    for (let rank = rankBetween(1024, below); rank !== undefined; rank = rankBetween(1024, below)) {
      below = rank;
      moves += 1;
    }
    expect(moves).toBeGreaterThan(40);
    expect(rankBetween(null, 1024)).toBeUndefined();
    expect(rankBetween(1024, null)).toBeUndefined();
  });

  it('spreads a column evenly', () => {
    expect(spreadRanks(3)).toEqual([1024, 2048, 3072]);
    expect(spreadRanks(0)).toEqual([]);
  });
});

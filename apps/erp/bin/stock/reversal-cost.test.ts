import { describe, expect, it } from 'vitest';
import { movingAverageReversalCost } from './reversal-cost.js';

describe('movingAverageReversalCost', () => {
  it('takes what the cancelled receipt brought while the bin holds more', () => {
    // 10 units worth 2000, 5 of them brought 1500: they leave at 1500, 5 / 500 stay
    expect(movingAverageReversalCost({ qty: 10, value: 2000 }, 5, 1500)).toBe(1500);
  });

  it('takes no more than the bin is worth, and nothing below zero', () => {
    // issues since took value out: only 400 is left to take
    expect(movingAverageReversalCost({ qty: 8, value: 400 }, 5, 1500)).toBe(400);
    expect(movingAverageReversalCost({ qty: 8, value: -30 }, 5, 1500)).toBe(0);
  });

  it('takes the whole value when the bin empties, and what it brought when it goes below zero', () => {
    expect(movingAverageReversalCost({ qty: 5, value: 1234 }, 5, 1500)).toBe(1234);
    expect(movingAverageReversalCost({ qty: 3, value: 700 }, 5, 1500)).toBe(1500);
  });
});

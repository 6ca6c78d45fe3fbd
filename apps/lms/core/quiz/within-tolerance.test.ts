import { describe, expect, it } from 'vitest';
import { withinTolerance } from './within-tolerance.js';

describe('withinTolerance', () => {
  it('compares the decimals as written, where binary floats would miss the bound', () => {
    expect(Math.abs(1.1 - 1) <= 0.1).toBe(false);
    expect(withinTolerance(1.1, 1, { kind: 'absolute', amount: 0.1 })).toBe(true);
    expect(withinTolerance(0.07, 0.06, { kind: 'absolute', amount: 0.01 })).toBe(true);
    expect(withinTolerance(0.0701, 0.06, { kind: 'absolute', amount: 0.01 })).toBe(false);
    expect(withinTolerance(0.3, 0.1 + 0.2)).toBe(false);
    expect(withinTolerance(0.3, 0.3)).toBe(true);
  });

  it('handles negatives, exponents and relative tolerances', () => {
    expect(withinTolerance(-2.5, -2.4, { kind: 'absolute', amount: 0.1 })).toBe(true);
    expect(withinTolerance(-2.51, -2.4, { kind: 'absolute', amount: 0.1 })).toBe(false);
    expect(withinTolerance(1e-7, 1.05e-7, { kind: 'absolute', amount: 5e-9 })).toBe(true);
    expect(withinTolerance(6.2e21, 6e21, { kind: 'relative', percent: 3.4 })).toBe(true);
    expect(withinTolerance(6.21e21, 6e21, { kind: 'relative', percent: 3.4 })).toBe(false);
    expect(withinTolerance(0, 0, { kind: 'relative', percent: 1 })).toBe(true);
    expect(withinTolerance(0.001, 0, { kind: 'relative', percent: 100 })).toBe(false);
  });
});

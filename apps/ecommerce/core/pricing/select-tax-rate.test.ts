import { describe, expect, it } from 'vitest';
import { selectTaxRate } from './select-tax-rate.js';

const standard = { id: 'de-standard', name: 'Standard', rateBp: 1900 };
const reduced = { id: 'de-reduced', name: 'Reduced', rateBp: 700, categoryIds: ['books', 'food'] };
const zero = { id: 'de-zero', name: 'Zero', rateBp: 0, categoryIds: ['food'] };

describe('selectTaxRate', () => {
  it("takes the region's default rate for a line in no taxed category", () => {
    expect(selectTaxRate(['shirts'], [reduced, standard])).toBe(standard);
  });

  it('takes a category rate over the default, the lowest of several', () => {
    expect(selectTaxRate(['books'], [standard, reduced])).toBe(reduced);
    expect(selectTaxRate(['food'], [standard, reduced, zero])).toBe(zero);
  });

  it('answers nothing when the region has no rate for the line', () => {
    expect(selectTaxRate(['shirts'], [reduced])).toBeUndefined();
    expect(selectTaxRate([], [])).toBeUndefined();
  });
});

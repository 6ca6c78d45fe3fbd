import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceTotals } from './invoice-totals.js';
import { LedgerInputError } from './ledger-input-error.js';

describe('invoiceTotals', () => {
  it('sums qty × unit price and the rounded tax of each line', () => {
    expect(
      invoiceTotals([
        { qty: 3, unitPrice: 1_999, taxRateBp: 1_900 },
        { qty: 1, unitPrice: 500 },
        { qty: 2, unitPrice: 250, taxRateBp: 700 },
      ]),
    ).toEqual({
      net: 6_997,
      tax: 1_174,
      total: 8_171,
      // 5,997 × 19 % = 1,139.43 → 1,139; 500 × 0 % = 0; 500 × 7 % = 35
      lines: [
        { net: 5_997, tax: 1_139 },
        { net: 500, tax: 0 },
        { net: 500, tax: 35 },
      ],
    });
  });

  it('rounds a line tax that ends in exactly half to the even cent', () => {
    // 250 × 1 % = 2.5 → 2; 350 × 1 % = 3.5 → 4
    expect(invoiceTotals([{ qty: 1, unitPrice: 250, taxRateBp: 100 }]).tax).toBe(2);
    expect(invoiceTotals([{ qty: 1, unitPrice: 350, taxRateBp: 100 }]).tax).toBe(4);
  });

  it('gives zeros for no lines', () => {
    expect(invoiceTotals([])).toEqual({ net: 0, tax: 0, total: 0, lines: [] });
  });

  it('names the line whose amount leaves the safe-integer range', () => {
    const lines = [
      { qty: 1, unitPrice: 10 },
      { qty: 1_000, unitPrice: 9_007_199_254_741 },
    ];
    expect(() => invoiceTotals(lines)).toThrow(LedgerInputError);
    expect(() => invoiceTotals(lines)).toThrow(/line 1: qty 1000 × unit price 9007199254741/);
    try {
      invoiceTotals(lines);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect((error as LedgerInputError).path).toBe('/lines/1');
    }
  });

  it('refuses a total above the safe-integer range even when every line is safe', () => {
    const line = { qty: 1, unitPrice: Number.MAX_SAFE_INTEGER - 10 };
    expect(() => invoiceTotals([line, line])).toThrow(/the net of all lines/);
  });

  it('refuses missing, negative, fractional and out-of-range inputs with the field path', () => {
    const cases: [unknown, string][] = [
      [{ qty: -1, unitPrice: 100 }, '/lines/0/qty'],
      [{ qty: 1.5, unitPrice: 100 }, '/lines/0/qty'],
      [{ qty: 1, unitPrice: Number.NaN }, '/lines/0/unitPrice'],
      [{ qty: 1, unitPrice: -5 }, '/lines/0/unitPrice'],
      [{ qty: 1 }, '/lines/0/unitPrice'],
      [{ qty: 1, unitPrice: 5, taxRateBp: 10_001 }, '/lines/0/taxRateBp'],
    ];
    for (const [line, path] of cases) {
      expect(() => invoiceTotals([line as never]), path).toThrow(
        expect.objectContaining({ name: 'LedgerInputError', path }),
      );
    }
  });

  it('keeps total = net + tax and the sums of the lines', () => {
    const line = fc.record({
      qty: fc.integer({ min: 1, max: 1_000_000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
      taxRateBp: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 50 }), (lines) => {
        const totals = invoiceTotals(lines);
        expect(totals.total).toBe(totals.net + totals.tax);
        expect(totals.net).toBe(totals.lines.reduce((sum, l) => sum + l.net, 0));
        expect(totals.tax).toBe(totals.lines.reduce((sum, l) => sum + l.tax, 0));
        totals.lines.forEach((l, i) => {
          expect(Math.abs(l.tax * 10_000 - l.net * (lines[i]?.taxRateBp ?? 0))).toBeLessThanOrEqual(5_000);
        });
      }),
    );
  });
});

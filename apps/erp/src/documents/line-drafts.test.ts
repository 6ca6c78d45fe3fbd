import { describe, expect, it } from 'vitest';
import { fromLineDrafts, type LineColumn, linesOf, scaledInteger, toLineDrafts } from './line-drafts.js';

const columns: LineColumn[] = [
  { name: 'description', kind: 'text', required: true },
  { name: 'qty', kind: 'integer', required: true },
  { name: 'unitPrice', kind: 'money', required: true },
  { name: 'taxRateBp', kind: 'basis-points', emptyAs: 0 },
];

describe('scaledInteger', () => {
  it('reads decimals exactly in either separator and refuses what would be rounded', () => {
    expect(scaledInteger('1.234,56', 2, ',')).toBe(123_456);
    expect(scaledInteger('1,234.56', 2, '.')).toBe(123_456);
    expect(scaledInteger('0.1', 2, '.')).toBe(10);
    expect(scaledInteger('-7', 2, '.')).toBe(-700);
    expect(scaledInteger('1.005', 2, '.')).toBeUndefined();
    expect(scaledInteger('12a', 2, '.')).toBeUndefined();
    expect(scaledInteger('.', 2, '.')).toBeUndefined();
    expect(scaledInteger('99999999999999999', 2, '.')).toBeUndefined();
  });
});

describe('line drafts', () => {
  it('round-trips stored lines through the text the table shows, keeping fields it does not show', () => {
    const stored = [{ description: 'Widgets', qty: 3, unitPrice: 1999, taxRateBp: 1950, costCenterId: 'cc' }];
    const drafts = toLineDrafts(stored, columns, 2, ',');
    expect(drafts).toEqual([{ description: 'Widgets', qty: '3', unitPrice: '19,99', taxRateBp: '19,50' }]);
    expect(fromLineDrafts(drafts, columns, 2, ',', stored)).toEqual(stored);
    // yen have no minor unit
    expect(toLineDrafts([{ unitPrice: 500 }], columns, 0, '.')[0]?.unitPrice).toBe('500');
  });

  it('leaves an unreadable cell as text for the schema to name, and an empty one out or as its stand-in', () => {
    const lines = fromLineDrafts(
      [{ description: ' ', qty: '2.5', unitPrice: '1.005', taxRateBp: '' }],
      columns,
      2,
      '.',
    );
    expect(lines).toEqual([{ qty: '2.5', unitPrice: '1.005', taxRateBp: 0 }]);
  });

  it('reads the lines of a JSON draft, and nothing from text that is none', () => {
    expect(linesOf('[{"qty":1},2]')).toEqual([{ qty: 1 }]);
    expect(linesOf('{')).toEqual([]);
    expect(linesOf(null)).toEqual([]);
  });
});

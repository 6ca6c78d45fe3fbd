import { describe, expect, it } from 'vitest';
import { formatDocumentNumber } from './format-document-number.js';

describe('formatDocumentNumber', () => {
  it('puts series, scope and the zero-padded sequence in their places', () => {
    const format = '{series}-{scope}-{seq:5}';
    expect(formatDocumentNumber(format, { series: 'SINV', scope: '2026', seq: 1 })).toBe('SINV-2026-00001');
    expect(formatDocumentNumber(format, { series: 'SINV', scope: '2026', seq: 12345 })).toBe(
      'SINV-2026-12345',
    );
  });

  it('keeps a number longer than its width whole, and pads nothing without a width', () => {
    expect(formatDocumentNumber('{series}{seq:3}', { series: 'T', scope: '', seq: 123456 })).toBe('T123456');
    expect(formatDocumentNumber('#{seq}', { series: 'T', scope: '', seq: 7 })).toBe('#7');
  });

  it('drops an empty scope with the separator before it', () => {
    expect(formatDocumentNumber('{series}-{scope}-{seq:5}', { series: 'PAY', scope: '', seq: 42 })).toBe(
      'PAY-00042',
    );
    expect(formatDocumentNumber('{series}/{scope}/{seq:4}', { series: 'QT', scope: '', seq: 9 })).toBe(
      'QT/0009',
    );
  });

  it('leaves other text and unknown braces as written', () => {
    expect(formatDocumentNumber('INV {scope}.{seq:2} {x}', { series: 'S', scope: '2026', seq: 3 })).toBe(
      'INV 2026.03 {x}',
    );
  });

  it('refuses a sequence that is not a positive integer', () => {
    for (const seq of [0, -1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => formatDocumentNumber('{seq}', { series: 'S', scope: '', seq })).toThrow(RangeError);
    }
  });
});

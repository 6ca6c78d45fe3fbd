import { describe, expect, it } from 'vitest';
import { createFormatters, parseDecimal } from './create-formatters.js';

describe('formatters', () => {
  it('formats money from minor units, percent, dates and instants for the locale', () => {
    const de = createFormatters({ locale: 'de-DE', timeZone: 'Europe/Berlin', currency: 'EUR' });
    expect(de.money(123456)).toMatch(/^1\.234,56\s€$/u);
    expect(de.money(1500, 'JPY')).toMatch(/^1\.500\s¥$/u);
    expect(de.percent(0.255)).toMatch(/^25,5\s%$/u);
    expect(de.date('2025-03-01')).toBe('01.03.2025');
    expect(de.dateTime('2025-03-01T23:30:00Z')).toBe('02.03.2025, 00:30');
    expect(de.decimalSeparator).toBe(',');
  });

  it('reads decimals as the locale types them', () => {
    expect(parseDecimal('1.234,5', ',')).toBe(1234.5);
    expect(parseDecimal('12.5', ',')).toBe(12.5);
    expect(parseDecimal('1,234.5', '.')).toBe(1234.5);
    expect(parseDecimal(' ', '.')).toBeUndefined();
    expect(parseDecimal('ten', '.')).toBeUndefined();
  });
});

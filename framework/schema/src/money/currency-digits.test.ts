import { describe, expect, it } from 'vitest';
import { currencyDigits } from './currency-digits.js';

describe('currencyDigits', () => {
  it('answers the ISO 4217 exponent of a currency', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KRW')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('answers 2 for a code Intl refuses, rather than throwing', () => {
    expect(currencyDigits('')).toBe(2);
    expect(currencyDigits('EURO')).toBe(2);
    expect(currencyDigits('€')).toBe(2);
  });
});

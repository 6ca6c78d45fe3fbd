import { currencyDigits } from '@codexion/schema';
import { useFormatters } from '@codexion/web';
import { useCallback } from 'react';

/**
 * Formats an amount in minor units of a currency as the user reads it (`1.234,56 €`).
 *
 * @example
 * const money = useMoney(); money(123456, 'EUR') // '€1,234.56'
 */
export function useMoney(): (minor: number, currency: string) => string {
  const format = useFormatters();
  return useCallback(
    (minor, currency) => {
      const digits = currencyDigits(currency);
      return format.number(minor / 10 ** digits, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    },
    [format],
  );
}

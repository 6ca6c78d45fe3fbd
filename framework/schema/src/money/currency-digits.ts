/**
 * Digits after the decimal point of a currency (EUR 2, JPY 0, BHD 3), from `Intl`: the exponent
 * between an amount and its minor units, the same in the browser and on the server. An unknown or
 * malformed code answers 2, the exponent of most currencies.
 *
 * @example
 * currencyDigits('JPY') // 0
 * 1999 / 10 ** currencyDigits('EUR') // 19.99
 */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

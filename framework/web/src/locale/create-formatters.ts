import { currencyDigits } from '@codexion/schema';

/** Number, money, percent and date formatting for one locale, time zone and currency, all through `Intl`. */
export interface Formatters {
  locale: string;
  timeZone: string;
  currency: string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** an amount in minor units (cents) of `currency` (the tenant's by default); whole amounts without cents */
  money(minor: number, currency?: string): string;
  /** the same, short for headlines and totals: €1.3M */
  compactMoney(minor: number, currency?: string): string;
  /** a ratio: 0.25 → 25 % */
  percent(ratio: number): string;
  /** a calendar date `YYYY-MM-DD`, shown as is whatever the time zone */
  date(value: string): string;
  /** an instant (ISO 8601), shown in the tenant's time zone */
  dateTime(value: string): string;
  /** the decimal separator of the locale, for parsing what users type */
  decimalSeparator: string;
}

/**
 * Builds the formatters of a tenant's locale. `Intl` objects are cached per option set: creating
 * one costs far more than using it, and a table formats thousands of cells.
 *
 * @example
 * const f = createFormatters({ locale: 'de-DE', timeZone: 'Europe/Berlin', currency: 'EUR' });
 * f.money(123456) // '1.234,56 €'
 */
export function createFormatters({
  locale,
  timeZone,
  currency,
}: {
  locale: string;
  timeZone: string;
  currency: string;
}): Formatters {
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions = {}) => {
    const key = JSON.stringify(options);
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numberFormats.set(key, format);
    }
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const decimalSeparator =
    numberFormat()
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value ?? '.';
  return {
    locale,
    timeZone,
    currency,
    decimalSeparator,
    number: (value, options) => numberFormat(options).format(value),
    // whole amounts without their zero cents (€500, not €500.00), as sales tools show them
    money: (minor, code = currency) =>
      numberFormat({ style: 'currency', currency: code, trailingZeroDisplay: 'stripIfInteger' }).format(
        minor / 10 ** currencyDigits(code),
      ),
    compactMoney: (minor, code = currency) =>
      numberFormat({
        style: 'currency',
        currency: code,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }).format(minor / 10 ** currencyDigits(code)),
    percent: (ratio) => numberFormat({ style: 'percent', maximumFractionDigits: 2 }).format(ratio),
    date: (value) => {
      const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
      return Number.isNaN(parsed.getTime()) ? value : dateFormat.format(parsed);
    },
    dateTime: (value) => {
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : dateTimeFormat.format(parsed);
    },
  };
}

/**
 * Reads a decimal number as a user of the locale types it ("1.234,5" in German), ignoring group
 * separators and spaces. `undefined` for text that is not a number.
 *
 * @example
 * parseDecimal('1.234,5', ',') // 1234.5
 */
export function parseDecimal(text: string, decimalSeparator: string): number | undefined {
  const trimmed = text.replace(/[\s\u00a0\u202f']/g, '');
  if (trimmed === '') return undefined;
  const groupSeparator = decimalSeparator === ',' ? '.' : ',';
  // one kind of separator only: treat it as decimal, so "12.5" works in German too
  const hasBoth = trimmed.includes(decimalSeparator) && trimmed.includes(groupSeparator);
  let normalized = trimmed;
  if (hasBoth) normalized = trimmed.split(groupSeparator).join('').replace(decimalSeparator, '.');
  else normalized = trimmed.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return undefined;
  return Number(normalized);
}

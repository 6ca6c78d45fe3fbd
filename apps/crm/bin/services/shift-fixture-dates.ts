const dayMs = 86_400_000;

/** A schema property's date kind, as the seeder shifts it. */
export type DateFormat = 'date' | 'date-time';

/**
 * Whole days from `referenceDate` to `today` (both `YYYY-MM-DD`), the shift that keeps demo data
 * as fresh as on the day it was generated.
 *
 * @example
 * daysSince('2026-11-16', '2026-11-23') // 7
 */
export function daysSince(referenceDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${referenceDate}T00:00:00Z`)) / dayMs);
}

/**
 * A date (`YYYY-MM-DD`) or an instant (ISO 8601) moved by whole days; anything else unchanged
 * (`null`, a value of another shape).
 *
 * @example
 * shiftDate('2026-11-30', 'date', 7)                 // '2026-12-07'
 * shiftDate('2026-07-15T14:49:00Z', 'date-time', 7)  // '2026-07-22T14:49:00.000Z'
 */
export function shiftDate(value: unknown, format: DateFormat, days: number): unknown {
  if (typeof value !== 'string') return value;
  const time = Date.parse(format === 'date' ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return value;
  const shifted = new Date(time + days * dayMs).toISOString();
  return format === 'date' ? shifted.slice(0, 10) : shifted;
}

/**
 * A fixture record with each of `fields` (property name → format) shifted by `days`.
 *
 * @example
 * shiftRecord({ dueDate: '2026-11-16', done: false }, { dueDate: 'date' }, 7) // { dueDate: '2026-11-23', done: false }
 */
export function shiftRecord(
  record: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, DateFormat>>,
  days: number,
): Record<string, unknown> {
  const shifted = { ...record };
  for (const [field, format] of Object.entries(fields)) {
    if (field in shifted) shifted[field] = shiftDate(shifted[field], format, days);
  }
  return shifted;
}

/**
 * Today's date (`YYYY-MM-DD`) in a time zone: what "as of today" means for the user, not for UTC.
 *
 * @example
 * todayIn('Europe/Berlin', new Date('2026-11-15T23:30:00Z')) // '2026-11-16'
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The first day of a date's year: `2026-05-17` → `2026-01-01`. */
export function startOfYear(day: string): string {
  return `${day.slice(0, 4)}-01-01`;
}

/** A `YYYY-MM-DD` search parameter, or `undefined` when it is missing or no date. */
export function dateParam(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/**
 * Today's date (`YYYY-MM-DD`) in a time zone: what "due today" and "this month" mean for the user,
 * not for UTC.
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

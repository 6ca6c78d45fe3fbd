/** The first day of a date's year: `2026-05-17` → `2026-01-01`. */
export function startOfYear(day: string): string {
  return `${day.slice(0, 4)}-01-01`;
}

/** A `YYYY-MM-DD` search parameter, or `undefined` when it is missing or no date. */
export function dateParam(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

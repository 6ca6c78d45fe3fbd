/**
 * A timestamp as the API shows it everywhere: ISO 8601 UTC with milliseconds. The drivers give
 * `timestamptz` columns in `mode: 'string'` as PostgreSQL text (`2026-11-23 16:04:00.123+00`).
 *
 * @example
 * isoTime('2026-11-23 16:04:00.123+00') // '2026-11-23T16:04:00.123Z'
 */
export function isoTime(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** The same, keeping `null`. */
export function isoTimeOrNull(value: string | Date | null | undefined): string | null {
  return value === null || value === undefined ? null : isoTime(value);
}

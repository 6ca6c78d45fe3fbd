/**
 * `record` without its undefined members: what an optional request field left out should not
 * become in a write (absent, so the schema's default applies).
 *
 * @example
 * defined({ title: 'Deal', amount: undefined }) // { title: 'Deal' }
 */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

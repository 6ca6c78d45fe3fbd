/** `T` with its members that may be undefined made optional and their undefined taken out. */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * `record` without its undefined members: what an optional request field left out should not
 * become in a write (absent, so the schema's default applies).
 *
 * @example
 * defined({ title: 'Deal', amount: undefined }) // { title: 'Deal' }
 */
export function defined<T extends Record<string, unknown>>(record: T): Defined<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Defined<T>;
}

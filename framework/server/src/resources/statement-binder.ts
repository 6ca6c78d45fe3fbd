import { sql } from 'drizzle-orm';

/** Binds a value in a statement under construction: the value itself, or a named placeholder. */
export type Bind = (value: unknown) => unknown;

/** Values go into the statement as they are (bound parameters all the same). */
export const inline: Bind = (value) => value;

/**
 * Puts a placeholder (`p0`, `p1`, …) where each value goes and keeps the values by name, so that a
 * statement built and prepared once per query shape runs with each request's values. The same
 * shape binds the same number of values in the same order, so names line up.
 *
 * @example
 * const binder = new StatementBinder();
 * const where = sql`${column} = ${binder.bind(42)}`; // "column" = $1, later executed with binder.values
 */
export class StatementBinder {
  readonly values: Record<string, unknown> = {};
  #next = 0;

  readonly bind: Bind = (value) => {
    const name = `p${this.#next++}`;
    this.values[name] = value;
    return sql.placeholder(name);
  };
}

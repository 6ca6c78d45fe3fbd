/**
 * A piece of SQL text, or a value to bind as a parameter in its place.
 *
 * @example
 * const chunks: SqlChunk[] = ['"t"."name" = ', { param: 'Ada' }, '::text'];
 */
export type SqlChunk = string | { param: unknown };

/**
 * SQL as ordered chunks of text and bound values. Values never appear in the text, so a fragment
 * can become a drizzle `sql` object or positional text and parameters without any escaping.
 *
 * @example
 * const fragment: SqlFragment = { chunks: ['"t"."amount" > ', { param: 10 }, '::bigint'] };
 * // drizzle: sql.join(fragment.chunks.map((c) => (typeof c === 'string' ? sql.raw(c) : sql`${c.param}`)))
 */
export interface SqlFragment {
  chunks: SqlChunk[];
}

/**
 * Options of {@link toPositionalSql}.
 *
 * @example
 * toPositionalSql(fragment, { offset: 2 } satisfies PositionalSqlOptions); // placeholders from $2
 */
export interface PositionalSqlOptions {
  /** number of the first placeholder, to append the fragment to a query that already has parameters */
  offset?: number;
}

/**
 * Renders a fragment as text with `$1..$n` placeholders and the values to bind, in order.
 *
 * @example
 * toPositionalSql({ chunks: ['"t"."name" = ', { param: 'x' }, '::text'] }, { offset: 3 });
 * // { text: '"t"."name" = $3::text', params: ['x'] }
 */
export function toPositionalSql(
  fragment: SqlFragment,
  { offset = 1 }: PositionalSqlOptions = {},
): { text: string; params: unknown[] } {
  if (!Number.isSafeInteger(offset) || offset < 1) {
    throw new RangeError(`toPositionalSql: offset must be a positive integer, got ${offset}`);
  }
  let text = '';
  const params: unknown[] = [];
  for (const chunk of fragment.chunks) {
    if (typeof chunk === 'string') {
      text += chunk;
    } else {
      text += `$${offset + params.length}`;
      params.push(chunk.param);
    }
  }
  return { text, params };
}

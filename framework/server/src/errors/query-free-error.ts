/**
 * Properties of database errors that hold the values of a statement (which may be personal data)
 * or the database's own echo of them: drizzle's `params`, postgres.js' `parameters` and `args`,
 * PostgreSQL's `detail` (`Key (email)=(ann@example.com) already exists.`) and `where`.
 */
export const valueBearingErrorKeys: readonly string[] = ['params', 'parameters', 'args', 'detail', 'where'];

function isQueryError(error: object): error is Error & { query: string; params: unknown } {
  return (
    error instanceof Error &&
    typeof (error as { query?: unknown }).query === 'string' &&
    Object.hasOwn(error, 'params')
  );
}

/**
 * The replacements that take a statement's values out of an error's text: drizzle writes them
 * into its message (`Failed query: insert … params: ann@example.com,Ann`), and so into the stack;
 * the statement itself stays, since it names what failed and holds placeholders, not values.
 * Walks the `cause` chain.
 *
 * @example
 * const cut = queryValueCuts(error); // [['Failed query: … params: ann@…', 'Failed query: …']]
 */
export function queryValueCuts(error: unknown): [string, string][] {
  const cuts: [string, string][] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    if (isQueryError(current) && current.message !== '') {
      cuts.push([current.message, `Failed query: ${current.query}`]);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return cuts;
}

/**
 * `text` (an error's message or stack) with every statement's values cut out.
 *
 * @example
 * withoutQueryValues(error.stack ?? '', queryValueCuts(error))
 */
export function withoutQueryValues(text: string, cuts: readonly [string, string][]): string {
  let out = text;
  for (const [from, to] of cuts) out = out.split(from).join(to);
  return out;
}

/**
 * The message of an unexpected error as a developer may see it: with the values of any failed
 * statement cut out (they may be personal data), its causes' messages appended.
 *
 * @example
 * queryFreeMessage(drizzleError) // 'Failed query: insert into "crm"."people" … : invalid byte sequence …'
 */
export function queryFreeMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cuts = queryValueCuts(error);
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    parts.push(withoutQueryValues(current.message, cuts));
    current = current.cause;
  }
  return parts.join(': ');
}

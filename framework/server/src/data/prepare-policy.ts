/**
 * Which parameterized statements run as named prepared statements on PostgreSQL.
 *
 * Why: postgres.js 3.4.9 sends an unnamed statement with parameters in two round trips (Parse +
 * Describe first, to learn the parameter types, then Bind + Execute), and drizzle sends every
 * statement it has not been told to prepare that way. A named statement is described once per
 * connection and then costs one round trip: a create (INSERT, audit chain head, audit INSERT)
 * saves three round trips.
 *
 * Only texts seen twice are promoted, and only a bounded number of them, because every promoted
 * text becomes a prepared statement on each connection that runs it: one-off texts (SQL with
 * inlined values, a bulk insert of an unusual size) stay unnamed.
 */
export interface PreparePolicy {
  /** whether `text` should run as a named prepared statement; counts the sighting */
  shouldPrepare(text: string): boolean;
}

export interface PreparePolicyOptions {
  /** texts promoted at most; later texts stay unnamed */
  maxPrepared?: number;
  /** texts remembered as seen once before the memory starts over */
  maxSeen?: number;
}

/**
 * A policy that promotes a text on its second sighting, up to `maxPrepared` texts.
 *
 * @example
 * const policy = createPreparePolicy();
 * policy.shouldPrepare('insert into t (a) values ($1)'); // false: first sighting
 * policy.shouldPrepare('insert into t (a) values ($1)'); // true from now on
 */
export function createPreparePolicy({
  maxPrepared = 256,
  maxSeen = 1024,
}: PreparePolicyOptions = {}): PreparePolicy {
  const promoted = new Set<string>();
  const seen = new Set<string>();
  return {
    shouldPrepare(text) {
      if (promoted.has(text)) return true;
      if (promoted.size >= maxPrepared) return false;
      if (seen.delete(text)) {
        promoted.add(text);
        return true;
      }
      // a flood of one-off texts only makes the next repeated text wait for its second sighting
      if (seen.size >= maxSeen) seen.clear();
      seen.add(text);
      return false;
    },
  };
}

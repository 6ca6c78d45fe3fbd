/** The gap between neighbouring cards when a column is laid out afresh. */
export const rankStep = 1024;

/**
 * A rank that sorts between two neighbours of a board column (`undefined`: no neighbour on that
 * side), so a move rewrites one row. `undefined` when there is no room: the neighbours are not
 * ranked, or so close that their midpoint is one of them (after ~50 moves into the same gap);
 * the caller then lays the column out afresh with {@link spreadRanks}.
 *
 * @example
 * rankBetween(1024, 2048)       // 1536
 * rankBetween(undefined, 1024)  // 0: above the top card
 * rankBetween(3072, undefined)  // 4096: below the last card
 */
export function rankBetween(
  above: number | null | undefined,
  below: number | null | undefined,
): number | undefined {
  if (above === null || below === null) return undefined;
  if (above === undefined) return below === undefined ? rankStep : below - rankStep;
  if (below === undefined) return above + rankStep;
  const middle = above + (below - above) / 2;
  return middle > above && middle < below ? middle : undefined;
}

/**
 * Evenly spaced ranks for a column of `count` cards, top first.
 *
 * @example
 * spreadRanks(3) // [1024, 2048, 3072]
 */
export function spreadRanks(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * rankStep);
}

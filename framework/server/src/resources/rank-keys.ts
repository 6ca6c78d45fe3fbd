import { generateKeyBetween } from 'fractional-indexing';
import { validationFailed } from '../errors/domain-error.js';

/**
 * The digits of rank keys: base 10, so a key is digits only and sorts the same under every
 * collation (PostgreSQL's `text` order follows the database's locale; digits are in code-unit
 * order in all of them), at the cost of longer keys than base 62.
 */
export const rankDigits = '0123456789';

/** The rank of the first record of an empty group. */
export const firstRank = generateKeyBetween(null, null, rankDigits);

function isRankKey(key: string): boolean {
  try {
    generateKeyBetween(key, null, rankDigits);
    return true;
  } catch {
    return false;
  }
}

/**
 * A rank key that sorts between two neighbours (`null`/`undefined`: no neighbour on that side), by
 * fractional indexing (`fractional-indexing`): a move rewrites one row and never runs out of room.
 *
 * @throws {DomainError} `VALIDATION_FAILED` at `path` (`rank`) when a neighbour is no rank key, or
 *   the one above does not sort before the one below
 *
 * @example
 * rankBetween(null, null)    // '50'
 * rankBetween('50', null)    // '51'
 * rankBetween('50', '51')    // '505'
 */
export function rankBetween(
  above: string | null | undefined,
  below: string | null | undefined,
  path = '/rank',
): string {
  for (const [side, key] of [
    ['above', above],
    ['below', below],
  ] as const) {
    if (key !== null && key !== undefined && !isRankKey(key)) {
      throw validationFailed(
        [{ path, code: 'rank', message: `the neighbour ${side} has "${key}", which is no rank key` }],
        'The neighbours of the move have no usable rank',
      );
    }
  }
  if (above !== null && above !== undefined && below !== null && below !== undefined && above >= below) {
    throw validationFailed(
      [
        {
          path,
          code: 'rank',
          message: `the neighbour above ("${above}") must sort before the one below ("${below}")`,
        },
      ],
      'The neighbours of the move are out of order',
    );
  }
  return generateKeyBetween(above ?? null, below ?? null, rankDigits);
}

/** What {@link rankAtPosition} reads a group through: an engine resource (`ctx.resources('deal')`). */
export interface RankedList {
  list(
    query: Readonly<Record<string, unknown>>,
  ): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }>;
}

export interface RankPlacement {
  /** the group the record goes into, as a list filter: `{ stageId: { eq: id }, status: { eq: 'open' } }` */
  filter: Readonly<Record<string, unknown>>;
  /** records of the group above it (0: the top); the end when absent or past the end */
  position?: number | undefined;
  /** the record being moved: not its own neighbour */
  exceptId?: string | undefined;
  /** the rank property; `rank` unless given */
  field?: string;
  /** the record's rank now, when it is in the group already: no new rank if it already sits there */
  current?: string | null | undefined;
  /** where a refusal points (the request's position, say); `/<field>` unless given */
  path?: string;
}

/**
 * The rank for a record placed at `position` in its group, read in rank order through the engine
 * (in the caller's transaction): between the neighbours it lands between. `undefined` when the
 * record already sits there (`current` between them), so nothing needs writing.
 *
 * @example
 * const rank = await rankAtPosition(ctx.resources('deal'), { filter: { stageId: { eq: stage } }, position: 0, exceptId: dealId });
 */
export async function rankAtPosition(
  resource: RankedList,
  { filter, position, exceptId, field = 'rank', current, path = `/${field}` }: RankPlacement,
): Promise<string | undefined> {
  const wanted = position === undefined ? Number.POSITIVE_INFINITY : Math.max(0, position) + 1;
  const group: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const page = await resource.list({
      filter: exceptId === undefined ? filter : { ...filter, id: { ne: exceptId } },
      sort: [field, 'id'],
      pageSize: Number.isFinite(wanted) ? Math.min(200, Math.max(1, wanted - group.length)) : 200,
      ...(cursor === null ? {} : { cursor }),
    });
    group.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && group.length < wanted);
  const at = Math.min(position ?? group.length, group.length);
  const rankOf = (record: Record<string, unknown> | undefined) =>
    typeof record?.[field] === 'string' ? (record[field] as string) : null;
  const above = rankOf(group[at - 1]);
  const below = rankOf(group[at]);
  if (
    typeof current === 'string' &&
    (above === null || above < current) &&
    (below === null || current < below)
  )
    return undefined;
  return rankBetween(above, below, path);
}

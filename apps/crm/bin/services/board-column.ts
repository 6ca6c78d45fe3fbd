import type { PluginContext } from '@codexion/framework';
import { and, asc, eq, isNull, max, ne, sql } from 'drizzle-orm';
import { deals } from '../../core/generated/tables.js';
import { rankBetween } from './rank-between.js';

type Scope = Pick<PluginContext, 'tx' | 'tenantId'>;

/** A card of a board column: an open deal and its rank. */
export interface ColumnCard {
  id: string;
  rank: number | null;
}

/**
 * The rank for a deal entering a stage at the end of its column: after every live deal of the
 * stage (closed ones included, so a reopened deal never lands between two others' ranks).
 *
 * @example
 * await rankAfterLast(ctx, stageId) // 4096 when the last card has 3072
 */
export async function rankAfterLast({ tx, tenantId }: Scope, stageId: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(deals.rank) })
    .from(deals)
    .where(and(eq(deals.tenantId, tenantId), eq(deals.stageId, stageId), isNull(deals.deletedAt)));
  return rankBetween(row?.last ?? undefined, undefined) ?? 0;
}

/**
 * The open deals of a stage's column in board order (rank, unranked last, then id), without
 * `exceptId`: the cards a moved deal is placed among.
 */
export async function columnCards(
  { tx, tenantId }: Scope,
  stageId: string,
  exceptId: string,
): Promise<ColumnCard[]> {
  return tx
    .select({ id: deals.id, rank: deals.rank })
    .from(deals)
    .where(
      and(
        eq(deals.tenantId, tenantId),
        eq(deals.stageId, stageId),
        eq(deals.status, 'open'),
        isNull(deals.deletedAt),
        ne(deals.id, exceptId),
      ),
    )
    .orderBy(sql`${deals.rank} asc nulls last`, asc(deals.id));
}

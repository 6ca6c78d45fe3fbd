import { type ActionContext, inRequest, unknownReference } from '@codexion/framework';
import type { Deal, MoveDealData } from '../../core/generated/client/types.gen.js';
import { crm } from '../crm.js';
import { columnCards } from './board-column.js';
import { findStage, stageOutsidePipeline } from './pipeline-lookup.js';
import { rankBetween, spreadRanks } from './rank-between.js';

/**
 * Drops an open deal into a stage of its pipeline at `position` (the number of open deals above
 * it in the target column; the end when absent or past the end), in the action's transaction.
 * The deal gets a rank between its new neighbours, so one row changes; when the gap is used up
 * the column is laid out afresh (each card through the engine, so every write stays versioned).
 * The stage change itself is an ordinary engine update: its hooks give the stage's default
 * probability and emit `crm.deal.stage-changed`, exactly as a PATCH of `stageId` would.
 * Moving to the place the deal already has changes nothing (no new version).
 *
 * @throws {DomainError} 404 no such deal; 409 `DEAL_CLOSED` for a won or lost deal; 422 a stage that
 *   is not the tenant's (`/body/stageId`, `reference`) or not in the deal's pipeline (`stage-in-pipeline`)
 *
 * @example
 * const deal = await moveDeal(ctx, dealId, { stageId: negotiation, position: 0 }); // top of the column
 */
export async function moveDeal(
  ctx: ActionContext,
  dealId: string,
  body: MoveDealData['body'],
): Promise<Deal> {
  const deals = crm.resource(ctx, 'deal');
  const deal = await deals.get(dealId);
  if (deal.status !== 'open') {
    throw crm.error('DEAL_CLOSED', `A ${deal.status} deal stays in the stage it closed in; reopen it first`, {
      extensions: { status: deal.status },
    });
  }
  const stage = await findStage(ctx, body.stageId);
  if (stage === undefined) throw unknownReference('/body/stageId', 'stage');
  if (stage.pipelineId !== deal.pipelineId) throw stageOutsidePipeline('/body/stageId');

  const column = await columnCards(ctx, stage.id, deal.id);
  const position = Math.min(body.position ?? column.length, column.length);
  const above = column[position - 1];
  const below = column[position];
  const own = deal.rank;
  const inPlace =
    stage.id === deal.stageId &&
    own !== undefined &&
    (above === undefined || (above.rank !== null && above.rank < own)) &&
    (below === undefined || below.rank === null || own < below.rank);
  if (inPlace) return deal;

  let rank = rankBetween(above?.rank, below?.rank);
  if (rank === undefined) {
    const ranks = spreadRanks(column.length + 1);
    for (const [i, card] of column.entries()) {
      const spread = ranks[i < position ? i : i + 1];
      if (spread !== undefined && card.rank !== spread) await deals.update(card.id, { rank: spread });
    }
    rank = ranks[position];
  }
  return inRequest('/body', () => deals.update(dealId, { stageId: stage.id, rank }));
}

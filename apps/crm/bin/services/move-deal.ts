import { inRequest, unknownReference } from '@codexion/framework/errors';
import type { ActionContext } from '@codexion/framework/plugins';
import { rankAtPosition } from '@codexion/framework/resources';
import type { Deal, MoveDealData } from '../../core/generated/client/types.gen.js';
import { crm } from '../crm.js';
import { findStage, stageOutsidePipeline } from './pipeline-lookup.js';

/**
 * Drops an open deal into a stage of its pipeline at `position` (the number of open deals above
 * it in the target column; the end when absent or past the end), in the action's transaction.
 * The deal gets a rank between its new neighbours (fractional indexing, `rankAtPosition`), so
 * one row changes, however often cards move into the same gap.
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

  // the board's column: the stage's open deals in rank order; the engine ranks between neighbours
  const rank = await rankAtPosition(ctx.resources('deal'), {
    filter: { stageId: { eq: stage.id }, status: { eq: 'open' } },
    position: body.position,
    exceptId: deal.id,
    current: stage.id === deal.stageId ? deal.rank : undefined,
    path: '/body/position',
  });
  if (rank === undefined) return deal;
  return inRequest('/body', () => deals.update(dealId, { stageId: stage.id, rank }));
}

import { unknownReference } from '@codexion/framework/errors';
import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import type { Deal } from '../../core/generated/client/types.gen.js';
import { type CrmEventOutbox, type CrmEvents, crm } from '../crm.js';
import { closeFields } from '../services/close-fields.js';
import { findStage, type StageRow, stageOutsidePipeline } from '../services/pipeline-lookup.js';
import { stageProbability } from '../services/stage-probability.js';

/** The deal's stage, checked to be a stage of the tenant in the deal's pipeline. */
async function stageOf(ctx: HookContext, deal: Draft<Deal>): Promise<StageRow> {
  const stage = await findStage(ctx, deal.stageId);
  if (stage === undefined) throw unknownReference('/stageId', 'stage');
  if (stage.pipelineId.toLowerCase() !== deal.pipelineId.toLowerCase())
    throw stageOutsidePipeline('/stageId');
  return stage;
}

function wonPayload(deal: Deal): CrmEvents['crm.deal.won'] {
  return {
    dealId: deal.id,
    title: deal.title,
    // the rules hold that a won deal has an amount and a close time
    amount: deal.amount ?? 0,
    currency: deal.currency,
    companyId: deal.companyId ?? null,
    primaryContactId: deal.primaryContactId ?? null,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    ownerId: deal.ownerId ?? null,
    closedAt: deal.closedAt ?? '',
  };
}

function lostPayload(deal: Deal): CrmEvents['crm.deal.lost'] {
  return {
    dealId: deal.id,
    title: deal.title,
    amount: deal.amount ?? null,
    currency: deal.currency,
    // the rules hold that a lost deal has a reason and a close time
    lostReason: deal.lostReason ?? '',
    companyId: deal.companyId ?? null,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    ownerId: deal.ownerId ?? null,
    closedAt: deal.closedAt ?? '',
  };
}

/**
 * What the deal's schema and rules rely on the server for, on every write path (create, PATCH,
 * transition, the actions), since they all go through the engine:
 *
 * - before validation (`prepare`): `closedAt` is set when the deal closes and cleared (with
 *   `lostReason`) when it reopens, so the rules on close times see the deal as it will be;
 * - on the validated deal (`before*`): `stageId` must be a stage of `pipelineId` (422
 *   `stage-in-pipeline`), checked when either changes; `probability` follows the stage (see
 *   `stageProbability`): the stage's default on entering it unless the same write sets one, 1
 *   when won, 0 when lost, the default again when reopened (the engine ranks a deal entering a
 *   stage last in its column: `rank` is declared with `x-codexion.rank`);
 * - after the write, in its transaction: `crm.deal.stage-changed` whenever `stageId` changed,
 *   `crm.deal.won` / `crm.deal.lost` when the status became won / lost.
 *
 * @example
 * crm.definePlugin({ …, hooks: { deal: dealHooks(events) } })
 */
export function dealHooks(events: CrmEventOutbox): ResourceHooks<Deal> {
  return crm.defineHooks('deal', {
    prepare: (_ctx, input, previous) => ({
      ...input,
      ...closeFields(input, previous, new Date().toISOString()),
    }),

    async beforeCreate(ctx, deal) {
      const stage = await stageOf(ctx, deal);
      return {
        ...deal,
        probability: stageProbability({ next: deal, stageDefault: stage.probability }),
      };
    },

    async beforeUpdate(ctx, next, previous) {
      const placeChanged = next.stageId !== previous.stageId || next.pipelineId !== previous.pipelineId;
      if (!placeChanged && next.status === previous.status) return undefined;
      const stage = await stageOf(ctx, next);
      return {
        ...next,
        probability: stageProbability({ next, previous, stageDefault: stage.probability }),
      };
    },

    async afterUpdate(ctx, deal, previous) {
      if (deal.stageId !== previous.stageId) {
        await events.emit(ctx, 'crm.deal.stage-changed', {
          dealId: deal.id,
          pipelineId: deal.pipelineId,
          fromStageId: previous.stageId,
          toStageId: deal.stageId,
          probability: deal.probability ?? null,
        });
      }
      if (deal.status === previous.status) return;
      if (deal.status === 'won') await events.emit(ctx, 'crm.deal.won', wonPayload(deal));
      if (deal.status === 'lost') await events.emit(ctx, 'crm.deal.lost', lostPayload(deal));
    },
  });
}

import { isDeepStrictEqual } from 'node:util';
import type { HookContext, ResourceHooks } from '@codexion/framework';
import { rankAfterLast } from '../services/board-column.js';
import { closeFields } from '../services/close-fields.js';
import type { CrmEvents, EventOutbox } from '../services/event-outbox.js';
import { findStage, type StageRow, stageOutsidePipeline } from '../services/pipeline-lookup.js';
import { unknownReference } from '../services/request-issues.js';
import { stageProbability } from '../services/stage-probability.js';
import { checkTagIds, isUuid } from '../services/tag-references.js';

type Row = Record<string, unknown>;

/**
 * The deal's stage, checked to be a stage of the tenant in the deal's pipeline; `undefined` when
 * `stageId` is not a uuid (the schema's validation, after the hooks, reports that).
 */
async function stageOf(ctx: HookContext, deal: Row): Promise<StageRow | undefined> {
  if (!isUuid(deal.stageId)) return undefined;
  const stage = await findStage(ctx, deal.stageId);
  if (stage === undefined) throw unknownReference('/stageId', 'stage');
  if (isUuid(deal.pipelineId) && stage.pipelineId.toLowerCase() !== deal.pipelineId.toLowerCase()) {
    throw stageOutsidePipeline('/stageId');
  }
  return stage;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function wonPayload(deal: Row): CrmEvents['crm.deal.won'] {
  return {
    dealId: text(deal.id),
    title: text(deal.title),
    amount: numberOrNull(deal.amount) ?? 0,
    currency: text(deal.currency),
    companyId: textOrNull(deal.companyId),
    primaryContactId: textOrNull(deal.primaryContactId),
    pipelineId: text(deal.pipelineId),
    stageId: text(deal.stageId),
    ownerId: textOrNull(deal.ownerId),
    closedAt: text(deal.closedAt),
  };
}

function lostPayload(deal: Row): CrmEvents['crm.deal.lost'] {
  return {
    dealId: text(deal.id),
    title: text(deal.title),
    amount: numberOrNull(deal.amount),
    currency: text(deal.currency),
    lostReason: text(deal.lostReason),
    companyId: textOrNull(deal.companyId),
    pipelineId: text(deal.pipelineId),
    stageId: text(deal.stageId),
    ownerId: textOrNull(deal.ownerId),
    closedAt: text(deal.closedAt),
  };
}

/**
 * What the deal's schema and rules rely on the server for, on every write path (create, PATCH,
 * transition, the actions), since they all go through the engine:
 *
 * - `stageId` must be a stage of `pipelineId` (422 `stage-in-pipeline`), checked when either changes;
 * - `probability` follows the stage (see `stageProbability`): the stage's default on entering it
 *   unless the same write sets one, 1 when won, 0 when lost, the default again when reopened;
 * - `rank` puts a deal entering a stage at the end of its column, unless the write ranks it;
 * - `closedAt` is set when the deal closes and cleared (with `lostReason`) when it reopens;
 * - `tagIds` must be tags of the tenant;
 * - after the write, in its transaction: `crm.deal.stage-changed` whenever `stageId` changed,
 *   `crm.deal.won` / `crm.deal.lost` when the status became won / lost.
 *
 * @example
 * definePlugin({ …, hooks: { deal: dealHooks(events) } })
 */
export function dealHooks(events: EventOutbox): ResourceHooks {
  return {
    async beforeCreate(ctx, input) {
      await checkTagIds(ctx, input.tagIds);
      const stage = await stageOf(ctx, input);
      const deal: Row = { ...input, ...closeFields(input, undefined, new Date().toISOString()) };
      if (stage === undefined) return deal;
      deal.probability = stageProbability({ next: input, stageDefault: stage.probability });
      if (typeof input.rank !== 'number') deal.rank = await rankAfterLast(ctx, stage.id);
      return deal;
    },

    async beforeUpdate(ctx, next, previous) {
      if (!isDeepStrictEqual(next.tagIds, previous.tagIds)) await checkTagIds(ctx, next.tagIds);
      const stageChanged = next.stageId !== previous.stageId;
      const placeChanged = stageChanged || next.pipelineId !== previous.pipelineId;
      const statusChanged = next.status !== previous.status;
      const deal: Row = { ...next, ...closeFields(next, previous, new Date().toISOString()) };
      if (!placeChanged && !statusChanged) return deal;
      const stage = await stageOf(ctx, next);
      if (stage === undefined) return deal;
      deal.probability = stageProbability({ next, previous, stageDefault: stage.probability });
      if (stageChanged && next.rank === previous.rank) deal.rank = await rankAfterLast(ctx, stage.id);
      return deal;
    },

    async afterUpdate(ctx, deal, previous) {
      if (deal.stageId !== previous.stageId) {
        await events.emit(ctx, 'crm.deal.stage-changed', {
          dealId: text(deal.id),
          pipelineId: text(deal.pipelineId),
          fromStageId: text(previous.stageId),
          toStageId: text(deal.stageId),
          probability: numberOrNull(deal.probability),
        });
      }
      if (deal.status === previous.status) return;
      if (deal.status === 'won') await events.emit(ctx, 'crm.deal.won', wonPayload(deal));
      if (deal.status === 'lost') await events.emit(ctx, 'crm.deal.lost', lostPayload(deal));
    },
  };
}

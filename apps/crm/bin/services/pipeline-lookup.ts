import { DomainError } from '@codexion/framework/errors';
import type { PluginContext } from '@codexion/framework/plugins';
import { and, asc, eq } from 'drizzle-orm';
import { pipelines, stages } from '../../core/generated/tables.js';

export type StageRow = typeof stages.$inferSelect;
export type PipelineRow = typeof pipelines.$inferSelect;

type Scope = Pick<PluginContext, 'tx' | 'tenantId'>;

/**
 * A stage of the tenant, or `undefined` (none with that id, or another tenant's). Reads through
 * the caller's transaction, so a hook sees what its action wrote before.
 *
 * @example
 * const stage = await findStage(ctx, deal.stageId);
 */
export async function findStage({ tx, tenantId }: Scope, id: string): Promise<StageRow | undefined> {
  const [row] = await tx
    .select()
    .from(stages)
    .where(and(eq(stages.tenantId, tenantId), eq(stages.id, id)))
    .limit(1);
  return row;
}

/** A pipeline of the tenant, or `undefined`. */
export async function findPipeline({ tx, tenantId }: Scope, id: string): Promise<PipelineRow | undefined> {
  const [row] = await tx
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.tenantId, tenantId), eq(pipelines.id, id)))
    .limit(1);
  return row;
}

/** The default pipeline: the lowest position (then name, then id, so the choice is stable). */
export async function defaultPipeline({ tx, tenantId }: Scope): Promise<PipelineRow | undefined> {
  const [row] = await tx
    .select()
    .from(pipelines)
    .where(eq(pipelines.tenantId, tenantId))
    .orderBy(asc(pipelines.position), asc(pipelines.name), asc(pipelines.id))
    .limit(1);
  return row;
}

/** The first stage of a pipeline (lowest position), where new deals start. */
export async function firstStage({ tx, tenantId }: Scope, pipelineId: string): Promise<StageRow | undefined> {
  const [row] = await tx
    .select()
    .from(stages)
    .where(and(eq(stages.tenantId, tenantId), eq(stages.pipelineId, pipelineId)))
    .orderBy(asc(stages.position), asc(stages.name), asc(stages.id))
    .limit(1);
  return row;
}

/**
 * The 422 for a deal whose stage is not one of its pipeline's, worded like a rule's failure (the
 * schema cannot say it: it spans two records).
 *
 * @example
 * throw stageOutsidePipeline('/stageId');
 */
export function stageOutsidePipeline(path: string): DomainError {
  return new DomainError('RULE_FAILED', 'The stage belongs to another pipeline', {
    issues: [{ path, code: 'stage-in-pipeline', message: 'The stage belongs to another pipeline' }],
  });
}

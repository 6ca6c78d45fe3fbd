import type { ActionContext } from '@codexion/framework/plugins';
import type { Company, MergeCompaniesData } from '../../core/generated/client/types.gen.js';
import { type CrmEventOutbox, crm } from '../crm.js';

export interface MergeCompaniesResult {
  company: Company;
  mergedIds: string[];
  moved: { people: number; deals: number; activities: number };
}

/**
 * Folds duplicate companies into the kept one with the engine's merge, in the action's
 * transaction, losing nothing: every live person, deal and activity of a duplicate is repointed;
 * the duplicates are soft-deleted (restorable; their domains freed), and only then the kept
 * company takes what `company.schema.json`'s merge strategies say (empty fields filled, a
 * duplicate's domain included; tags united). Emits `crm.company.merged`.
 *
 * @throws {DomainError} 404 no such kept company; 422 `MERGE_INTO_SELF` or an unknown duplicate
 *
 * @example
 * const { company, moved } = await mergeCompanies(ctx, events, keptId, { duplicateIds: [otherId] });
 */
export async function mergeCompanies(
  ctx: ActionContext,
  events: CrmEventOutbox,
  keptId: string,
  { duplicateIds }: MergeCompaniesData['body'],
): Promise<MergeCompaniesResult> {
  const { record, mergedIds, moved } = await crm
    .resource(ctx, 'company')
    .merge(keptId, duplicateIds, { path: '/body/duplicateIds' });
  await events.emit(ctx, 'crm.company.merged', { companyId: record.id, mergedIds });
  return {
    company: record,
    mergedIds,
    moved: { people: moved.person ?? 0, deals: moved.deal ?? 0, activities: moved.activity ?? 0 },
  };
}

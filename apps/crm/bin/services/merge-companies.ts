import type { ActionContext } from '@codexion/framework';
import type { Company, MergeCompaniesData } from '../../core/generated/client/types.gen.js';
import { activities, deals, people } from '../../core/generated/tables.js';
import { type CrmEventOutbox, crm } from '../crm.js';
import { companyMergePatch } from './merge-fields.js';
import { readDuplicates, repoint } from './merge-records.js';

export interface MergeCompaniesResult {
  company: Company;
  mergedIds: string[];
  moved: { people: number; deals: number; activities: number };
}

/**
 * Folds duplicate companies into the kept one, in the action's transaction, losing nothing: every
 * live person, deal and activity of a duplicate is repointed to the kept company; the duplicates
 * are then soft-deleted (restorable; their domains freed), and only then the kept company gets
 * their empty fields filled (a duplicate's domain included) and their tags (`companyMergePatch`).
 * Every write goes through the engine. Emits `crm.company.merged`.
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
  const companies = crm.resource(ctx, 'company');
  const kept = await companies.get(keptId);
  const duplicates = await readDuplicates(ctx, 'company', kept, duplicateIds);
  const mergedIds = duplicates.map((duplicate) => duplicate.id);
  const target = kept.id;
  const moved = {
    people: await repoint(
      ctx,
      { entity: 'person', table: people, field: 'companyId', column: people.companyId },
      mergedIds,
      target,
    ),
    deals: await repoint(
      ctx,
      { entity: 'deal', table: deals, field: 'companyId', column: deals.companyId },
      mergedIds,
      target,
    ),
    activities: await repoint(
      ctx,
      { entity: 'activity', table: activities, field: 'companyId', column: activities.companyId },
      mergedIds,
      target,
    ),
  };
  for (const id of mergedIds) await companies.delete(id);
  const patch = companyMergePatch(kept, duplicates);
  const company = Object.keys(patch).length === 0 ? kept : await companies.update(target, patch);
  await events.emit(ctx, 'crm.company.merged', { companyId: target, mergedIds });
  return { company, mergedIds, moved };
}

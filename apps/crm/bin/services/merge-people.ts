import type { ActionContext } from '@codexion/framework/plugins';
import type { MergePeopleData, Person } from '../../core/generated/client/types.gen.js';
import { type CrmEventOutbox, crm } from '../crm.js';
import { mergedEmails } from './merge-fields.js';

export interface MergePeopleResult {
  person: Person;
  mergedIds: string[];
  moved: { deals: number; activities: number };
}

/**
 * Folds duplicate people into the kept one with the engine's merge, in the action's transaction,
 * losing nothing: every live deal (as primary contact) and activity of a duplicate is repointed,
 * the duplicates are soft-deleted (restorable), the kept person takes what `person.schema.json`'s
 * merge strategies say (empty fields filled, phones and tags united) and, the CRM's own part,
 * every email address of all of them (`mergedEmails`). Emits `crm.person.merged` so other apps
 * can repoint their references.
 *
 * @throws {DomainError} 404 no such kept person; 422 `MERGE_INTO_SELF` or an unknown duplicate
 *
 * @example
 * const { person, moved } = await mergePeople(ctx, events, keptId, { duplicateIds: [otherId] });
 */
export async function mergePeople(
  ctx: ActionContext,
  events: CrmEventOutbox,
  keptId: string,
  { duplicateIds }: MergePeopleData['body'],
): Promise<MergePeopleResult> {
  const { record, mergedIds, moved } = await crm.resource(ctx, 'person').merge(keptId, duplicateIds, {
    path: '/body/duplicateIds',
    adjust: mergedEmails,
  });
  await events.emit(ctx, 'crm.person.merged', { personId: record.id, mergedIds });
  return { person: record, mergedIds, moved: { deals: moved.deal ?? 0, activities: moved.activity ?? 0 } };
}

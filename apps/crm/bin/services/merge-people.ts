import type { ActionContext } from '@codexion/framework';
import type { MergePeopleData, Person } from '../../core/generated/client/types.gen.js';
import { activities, deals } from '../../core/generated/tables.js';
import { type CrmEventOutbox, crm } from '../crm.js';
import { personMergePatch } from './merge-fields.js';
import { readDuplicates, repoint } from './merge-records.js';

export interface MergePeopleResult {
  person: Person;
  mergedIds: string[];
  moved: { deals: number; activities: number };
}

/**
 * Folds duplicate people into the kept one, in the action's transaction, losing nothing: every
 * live deal (as primary contact) and activity of a duplicate is repointed to the kept person; the
 * duplicates are then soft-deleted (restorable); the kept person gets their empty fields filled,
 * all their email addresses and phone numbers, and their tags (`personMergePatch`). Every write
 * goes through the engine. Emits `crm.person.merged` so other apps can repoint their references.
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
  const people = crm.resource(ctx, 'person');
  const kept = await people.get(keptId);
  const duplicates = await readDuplicates(ctx, 'person', kept, duplicateIds);
  const mergedIds = duplicates.map((duplicate) => duplicate.id);
  const target = kept.id;
  const moved = {
    deals: await repoint(
      ctx,
      { entity: 'deal', table: deals, field: 'primaryContactId', column: deals.primaryContactId },
      mergedIds,
      target,
    ),
    activities: await repoint(
      ctx,
      { entity: 'activity', table: activities, field: 'personId', column: activities.personId },
      mergedIds,
      target,
    ),
  };
  for (const id of mergedIds) await people.delete(id);
  const patch = personMergePatch(kept, duplicates);
  const person = Object.keys(patch).length === 0 ? kept : await people.update(target, patch);
  await events.emit(ctx, 'crm.person.merged', { personId: target, mergedIds });
  return { person, mergedIds, moved };
}

import { DomainError } from '../errors/domain-error.js';
import type { EntityPlan } from './entity-plan.js';
import type { ApiRecord } from './row-mapping.js';

/**
 * Refuses to change or delete a record whose workflow state is one its entity declares immutable
 * (`x-codexion.workflow.immutableIn`): a posted invoice stays as it was posted. Transitions do not
 * call it: they are the way out of such a state (posted → cancelled).
 *
 * @throws {DomainError} `RECORD_LOCKED` (409) naming the state
 *
 * @example
 * checkRecordLock(plan, invoice, 'update'); // 409 when invoice.status is "posted"
 */
export function checkRecordLock(
  plan: EntityPlan,
  record: Readonly<ApiRecord>,
  write: 'update' | 'delete',
): void {
  const workflow = plan.entity.annotations.workflow;
  if (workflow?.immutableIn === undefined) return;
  const state = record[workflow.field];
  if (typeof state !== 'string' || !workflow.immutableIn.includes(state)) return;
  const verb = write === 'update' ? 'changed' : 'deleted';
  throw new DomainError(
    'RECORD_LOCKED',
    `The ${plan.entity.typeName} is ${state} and cannot be ${verb}; a transition may move it out of "${state}"`,
    { extensions: { state } },
  );
}

import { jsonLogic, type RuleContext, type WorkflowTransition } from '@codexion/schema';
import { DomainError } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import type { EntityPlan } from './entity-plan.js';
import type { ApiRecord } from './row-mapping.js';

/**
 * Checks that a record may move to state `to` along its entity's workflow, and returns the
 * transition taken. In this order: some transition must lead from the current state to `to`
 * (409), the caller must hold its permission (403), its `when` guard must hold on the record (422).
 * Where several transitions lead there, the first one permitted and holding wins.
 *
 * @throws {DomainError} `TRANSITION_NOT_ALLOWED`, `FORBIDDEN` or `TRANSITION_GUARD_FAILED`
 *
 * @example
 * checkTransition(plan, opportunity, 'won', permissions, { $user: { id } });
 */
export function checkTransition(
  plan: EntityPlan,
  record: Readonly<ApiRecord>,
  to: string,
  permissions: ReadonlySet<string>,
  context: RuleContext = {},
): WorkflowTransition {
  const workflow = plan.entity.annotations.workflow;
  if (workflow === undefined) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', `${plan.entity.typeName} has no workflow`);
  }
  const from = record[workflow.field];
  const candidates = workflow.transitions.filter((t) => t.from === from && t.to === to);
  const path = `/${workflow.field}`;
  if (candidates.length === 0) {
    throw new DomainError(
      'TRANSITION_NOT_ALLOWED',
      `A ${plan.entity.typeName} cannot move from "${String(from)}" to "${to}"`,
      {
        issues: [{ path, code: 'transition', message: `cannot move from "${String(from)}" to "${to}"` }],
        extensions: { from, to },
      },
    );
  }
  const permitted = candidates.filter(
    (t) => t.permission === undefined || hasPermission(permissions, t.permission),
  );
  if (permitted.length === 0) {
    const needed = candidates.map((t) => t.permission).filter((p): p is string => p !== undefined);
    throw new DomainError('FORBIDDEN', `Moving to "${to}" needs the permission ${needed.join(' or ')}`, {
      extensions: { permission: needed[0] },
    });
  }
  const now = context.$now ?? new Date().toISOString();
  const data = { ...record, ...context, $now: now, $today: context.$today ?? now.slice(0, 10) };
  const taken = permitted.find(
    (t) => t.when === undefined || jsonLogic.truthy(jsonLogic.apply(t.when as never, data)),
  );
  if (taken === undefined) {
    throw new DomainError(
      'TRANSITION_GUARD_FAILED',
      `The ${plan.entity.typeName} does not meet the condition to move to "${to}"`,
      {
        issues: [
          { path, code: 'transitionGuard', message: `the condition to move to "${to}" does not hold` },
        ],
        extensions: { from, to },
      },
    );
  }
  return taken;
}

import {
  evaluateRules as evaluateSharedRules,
  type RuleDefinition,
  type ValidationIssue,
} from '@codexion/schema';

export interface RuleContext {
  /** the record as it was before this change (edit mode) */
  previous?: Record<string, unknown>;
  user?: Record<string, unknown>;
  tenant?: Record<string, unknown>;
  now?: Date;
}

/**
 * Runs an entity's JSON Logic rules on a record the way the server does: a rule whose `when`
 * holds and whose `assert` does not yields `{ path, code: id, message }`.
 *
 * @example
 * evaluateRules(rules, { status: 'won', amount: 0 })
 * // [{ path: '/amount', code: 'won-needs-amount', message: 'A won opportunity needs an amount greater than zero' }]
 */
/**
 * Runs an entity's JSON Logic rules on a form's record with the server's own evaluator
 * (`@codexion/schema`), so the browser shows the very message the server would answer with.
 * A rule that cannot run on a half-filled form is skipped: the server judges it on submit.
 *
 * @example
 * evaluateRules(rules, { status: 'won', amount: 0 })
 * // [{ path: '/amount', code: 'won-needs-amount', message: 'A won opportunity needs an amount greater than zero' }]
 */
export function evaluateRules(
  rules: readonly RuleDefinition[],
  record: Record<string, unknown>,
  { previous, user, tenant, now = new Date() }: RuleContext = {},
): ValidationIssue[] {
  return evaluateSharedRules(
    rules,
    record,
    {
      ...(previous ? { $previous: previous } : {}),
      ...(user ? { $user: user } : {}),
      ...(tenant ? { $tenant: tenant } : {}),
      $now: now.toISOString(),
    },
    { skipFailing: true },
  );
}
